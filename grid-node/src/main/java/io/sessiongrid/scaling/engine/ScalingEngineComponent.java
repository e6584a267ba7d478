package io.sessiongrid.scaling.engine;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.ConfigException;
import io.sessiongrid.config.PartitionTypeConfig;
import io.sessiongrid.config.ScalingConfig;
import io.sessiongrid.metrics.Meters;
import io.sessiongrid.migration.ServerNode;
import io.sessiongrid.provision.ProvisionerContext;
import io.sessiongrid.provision.ServerProvisioner;
import io.sessiongrid.provision.ServerProvisioners;
import io.sessiongrid.runtime.NodeComponent;
import io.sessiongrid.runtime.NodeContext;
import io.sessiongrid.runtime.NodeOptions;
import io.sessiongrid.scaling.PredictivePolicy;
import io.sessiongrid.scaling.PredictiveSettings;
import io.sessiongrid.scaling.Promotion;
import io.sessiongrid.scaling.ScalingLimits;
import io.sessiongrid.scaling.ScalingDecision;
import io.sessiongrid.scaling.ScalingInputs;
import io.sessiongrid.scaling.ScalingPolicy;
import io.sessiongrid.time.ScheduledTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The scaling engine as a node component. On every member, once per decision interval, it checks whether this
 * member leads ({@link EngineLeadership}: the oldest data member); the leader runs one {@link ScalingEngine#step()}.
 * A member that stops leading drops its engine state; the next leader starts fresh within one interval. Clients run
 * no engine (they use {@link ScalingControl}).
 *
 * <p>It adds the decisions map's configuration to the member ({@link #configureMember}) and reads servers and
 * connections from the node's {@link ServerNode} component. The policy's horizon is the provisioner's measured
 * provisioning time plus the configured warm-up once measured, the configured provisioning time before.
 */
public final class ScalingEngineComponent implements NodeComponent {
    private static final Logger LOG = LoggerFactory.getLogger(ScalingEngineComponent.class);

    /** The decision reason's suffix when {@code scaling.provisioner} is {@code none}. */
    static final String RECORD_ONLY = "scaling.provisioner is none: recorded only, nothing provisioned or retired";
    /**
     * The least time an orphaned connection is left to its application (whose reconnect reopens it where it
     * chooses) before the engine re-homes it; two decision intervals when that is longer.
     */
    static final Duration ORPHAN_GRACE = Duration.ofSeconds(10);
    /** The counter of orphaned connections the active engine re-homed. */
    static final String ORPHANS_ADOPTED = "sessiongrid.scaling.orphans.adopted";

    private final boolean fromConfig;
    private ServerProvisioner provisioner;
    private String role;
    private HazelcastInstance hazelcast;
    private ServerNode serverNode;
    private ScalingControl control;
    private ScheduledTask task;
    private DecisionSink decisions;
    private volatile ScalingEngine engine; // read by the meters on the scrape thread
    private NodeContext node;
    private Meters.Counter orphansAdopted;

    /**
     * @param provisioner where new servers come from (the component closes it)
     * @param role        the role of new servers
     */
    public ScalingEngineComponent(ServerProvisioner provisioner, String role) {
        this.provisioner = java.util.Objects.requireNonNull(provisioner, "provisioner");
        this.role = java.util.Objects.requireNonNull(role, "role");
        this.fromConfig = false;
    }

    private ScalingEngineComponent() {
        this.fromConfig = true;
    }

    /**
     * The engine every node runs: its provisioner and the role of new servers come from {@code scaling.provisioner}
     * and {@code scaling.serverRole} when it starts; with {@code none} it decides and records but starts nothing.
     */
    public static ScalingEngineComponent configured() {
        return new ScalingEngineComponent();
    }

    /** The decisions map's bounds and serializer. */
    @Override
    public void configureMember(Config member, NodeOptions options) {
        ScalingMaps.configureMember(member);
    }

    /** The decision serializer, for {@link ScalingControl} on clients. */
    @Override
    public void configureClient(ClientConfig client, NodeOptions options) {
        ScalingMaps.registerSerializers(client.getSerializationConfig());
    }

    @Override
    public void start(NodeContext context) {
        if (!context.kind().isMember()) {
            return;
        }
        node = context;
        hazelcast = context.hazelcast();
        if (fromConfig) {
            ScalingConfig c = context.config().scaling();
            role = c.serverRole();
            provisioner = ScalingConfig.NO_PROVISIONER.equals(c.provisioner()) ? new NoProvisioner()
                    : configuredProvisioner(context);
        }
        serverNode = context.component(ServerNode.class).orElseThrow(() -> new IllegalStateException(
                "the scaling engine needs the node's server registry (ServerNode component), which is not running"));
        control = new ScalingControl(hazelcast);
        ScalingConfig sc = context.config().scaling();
        decisions = new DecisionMeters(context.meters(), new MapDecisionLog(hazelcast), serverNode.servers(),
                this::active, sc.capacityPerServer());
        orphansAdopted = context.meters().counter(ORPHANS_ADOPTED, "orphaned connections (their server died) the "
                + "active scaling engine gave a new owner");
        if (!(provisioner instanceof NoProvisioner)) {
            // Twice the expected launch: a reservation should outlive a slow start, not pin chunks for long.
            decisions = new MemberIdReservations(context.sni(), decisions,
                    sc.provisioningTime().plus(sc.warmUpTime()).multipliedBy(2));
        }
        if (!hazelcast.getCluster().getLocalMember().isLiteMember()) {
            try {
                hazelcast.getSql().execute(ScalingMaps.sqlMapping()).close();
            } catch (RuntimeException e) {
                // Idempotent and cluster-wide: every data member creates them, so one failure (a catalog write
                // during a partition migration) only delays them; the engine itself does not need them.
                LOG.warn("could not create the scaling SQL mappings now: {}", e.getMessage());
            }
        }
        Duration interval = context.config().scaling().decisionInterval();
        task = context.scheduler().withFixedDelay("scaling-engine", interval, interval, this::tick);
    }

    /**
     * The provisioner of {@code scaling.provisioner} with {@code scaling.provisionerSettings}.
     *
     * @throws ConfigException when the provisioner refuses its settings (an unknown key, a bad value, a project
     *                         root that is not built), with the provisioner's own message
     */
    private static ServerProvisioner configuredProvisioner(NodeContext context) {
        ScalingConfig c = context.config().scaling();
        try {
            return ServerProvisioners.create(c.provisioner(), new ProvisionerContext(context.config(),
                    c.provisionerSettings(), context.clock()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConfigException("configuration", "scaling.provisionerSettings", "provisioner "
                    + c.provisioner() + " cannot start with " + c.provisionerSettings() + ": " + e.getMessage(), e);
        }
    }

    /** One interval: lead or stand by. */
    void tick() {
        try {
            if (!EngineLeadership.leads(hazelcast)) {
                engine = null;
                return;
            }
            if (engine == null) {
                // The session types' least backup count, and never more than the plugin's own maps' (the registry,
                // analyzer and SNI maps keep one backup): more data members leaving at once could lose their entries.
                int backups = Math.min(1, node.config().partitions().values().stream()
                        .mapToInt(PartitionTypeConfig::backupCount).min().orElse(1));
                RegistryFleet fleet = new RegistryFleet(serverNode.servers(), provisioner, hazelcast, role, backups);
                engine = new ScalingEngine(new MeasuredHorizon(), node.clock(), fleet,
                        new MigrationMover(serverNode.servers(), serverNode.migrations()),
                        new AnalyzerDemand(node.analyzer(), serverNode.servers(), node.clock()), decisions,
                        serverNode.id());
                ScalingConfig c = node.config().scaling();
                // Re-homing is not scaling: it runs in record-only mode too (nothing is started or stopped).
                Duration twoIntervals = c.decisionInterval().multipliedBy(2);
                Duration grace = twoIntervals.compareTo(ORPHAN_GRACE) > 0 ? twoIntervals : ORPHAN_GRACE;
                // a dead server's stray connections are looked for longer than any move onto it can take, plus grace
                Duration retention = node.config().migration().moveTimeout().multipliedBy(3)
                        .plus(c.decisionInterval()).plus(grace);
                engine.rehomeOrphansWith(new RegistryOrphans(serverNode.servers(), node.clock(), retention, grace),
                        n -> orphansAdopted.add(n));
                engine.retireWith(RetirementLog.inMap(hazelcast, node.clock()));
                // Four times the expected start, at least 2 minutes: slow starts are normal, hung ones are not.
                Duration expected = c.provisioningTime().plus(c.warmUpTime()).multipliedBy(4);
                engine.startTimeout(expected.compareTo(Duration.ofMinutes(2)) > 0 ? expected : Duration.ofMinutes(2));
                if (provisioner instanceof NoProvisioner) {
                    engine.recordOnly(RECORD_ONLY);
                } else {
                    ScalingLimits limits = PredictiveSettings.of(c).limits();
                    engine.promoteWith(fleet, (peak, ready) -> Promotion.promoteNow(c.promotion(), peak, ready, limits,
                            c.scaleInUtilization()));
                }
                LOG.info("scaling engine active on {}", serverNode.id());
            }
            engine.floor(control.floor());
            if (control.paused()) {
                engine.pause();
            } else {
                engine.resume();
            }
            engine.step();
        } catch (RuntimeException e) {
            LOG.warn("scaling engine interval failed: {}", e.toString());
        }
    }

    /** Whether this member's engine is the active one (it was at its last interval). */
    public boolean active() {
        return engine != null;
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel();
        }
        if (provisioner != null) {
            provisioner.close();
        }
    }

    /** The predictive policy, its horizon the measured provisioning time plus warm-up once there is one. */
    private final class MeasuredHorizon implements ScalingPolicy {
        @Override
        public String name() {
            return PredictivePolicy.NAME;
        }

        @Override
        public ScalingDecision decide(ScalingInputs inputs) {
            ScalingConfig c = node.config().scaling();
            PredictiveSettings settings = PredictiveSettings.of(c);
            settings = provisioner.provisioningTime().map(t -> PredictiveSettings.of(c).withHorizon(t.plus(c.warmUpTime())))
                    .orElse(settings);
            return new PredictivePolicy(settings, node.clock()).decide(inputs);
        }
    }
}
