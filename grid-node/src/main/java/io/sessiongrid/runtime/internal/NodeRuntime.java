package io.sessiongrid.runtime.internal;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import io.sessiongrid.analyzer.Analyzers;
import io.sessiongrid.analyzer.ConnectionAnalyzer;
import io.sessiongrid.analyzer.ConnectionTracker;
import io.sessiongrid.config.MetricsConfig;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.metrics.Meters;
import io.sessiongrid.metrics.NodeMetrics;
import io.sessiongrid.metrics.internal.GridGauges;
import io.sessiongrid.metrics.internal.MeteredSessionStore;
import io.sessiongrid.node.member.MemberConfigs;
import io.sessiongrid.runtime.NodeComponent;
import io.sessiongrid.runtime.NodeContext;
import io.sessiongrid.runtime.NodeKind;
import io.sessiongrid.runtime.NodeOptions;
import io.sessiongrid.session.SessionStore;
import io.sessiongrid.session.SessionStores;
import io.sessiongrid.sni.SniService;
import io.sessiongrid.sni.SniServices;
import io.sessiongrid.time.ExecutorScheduler;
import io.sessiongrid.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one node runtime behind {@code SessionGrid.embedded}, {@code SessionGrid.client} and
 * {@code ./sessiongrid start}.
 *
 * <p>Start: complete the Hazelcast configuration (SessionGrid's maps and serializers, Jet, the role, Hazelcast's
 * shutdown hook off, then each component's own additions), start the instance, log membership changes, create the core services (session store,
 * analyzer, SNI service), then start the {@link BuiltInComponents} and the application's components in order.
 *
 * <p>Stop ({@link #close()}, the JVM shutdown hook, or a signal through {@code GracefulStop}), in this order, so
 * nothing periodic touches an instance that is going away: close the components in reverse order, cancel every
 * task still on the node's scheduler, flush the connection tracker, close the scheduler the node owns, and shut
 * the instance down gracefully (a member hands its replicas over first, bounded by
 * {@code hazelcast.graceful.shutdown.max.wait}). If the instance is shut down underneath the node
 * ({@code hazelcast().shutdown()} or {@code terminate()} called directly, or by Hazelcast itself), the same steps
 * but the last run as it starts to go, while it still runs.
 */
public final class NodeRuntime implements NodeContext, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRuntime.class);
    /** Hazelcast's own JVM shutdown hook (policy TERMINATE by default) would race the node's ordered stop. */
    static final String HAZELCAST_SHUTDOWN_HOOK = "hazelcast.shutdownhook.enabled";
    static final String GRACEFUL_SHUTDOWN_MAX_WAIT = "hazelcast.graceful.shutdown.max.wait";
    /** Threads of the scheduler a node owns: a slow SNI refresh must not hold up the tracker's flush. */
    private static final int SCHEDULER_THREADS = 2;

    private final NodeOptions options;
    private final HazelcastInstance hazelcast;
    private final ExecutorScheduler ownScheduler;
    private final NodeTasks tasks;
    private final String serverId;
    private final List<NodeComponent> components;
    private final List<NodeComponent> started = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private NodeMetrics metrics; // null when both Prometheus and JMX are off
    private SessionStore sessions;
    private ConnectionAnalyzer analyzer;
    private SniService sni;
    private ConnectionTracker tracker;
    private Thread shutdownHook;

    private NodeRuntime(NodeOptions options, HazelcastInstance hazelcast, List<NodeComponent> components) {
        this.options = options;
        this.hazelcast = hazelcast;
        this.components = List.copyOf(components);
        this.ownScheduler = options.scheduler().isPresent() ? null
                : ExecutorScheduler.daemon("sessiongrid-node", SCHEDULER_THREADS);
        this.tasks = new NodeTasks(options.scheduler().orElse(ownScheduler));
        this.serverId = options.serverId().orElseGet(() -> hazelcast.getLocalEndpoint().getUuid().toString());
    }

    /**
     * Starts a node.
     *
     * @throws RuntimeException whatever failed (Hazelcast's or a component's exception); nothing is left running
     */
    public static NodeRuntime start(NodeOptions options) {
        List<NodeComponent> components = new ArrayList<>(BuiltInComponents.create(options.components()));
        components.addAll(options.components());
        HazelcastInstance hazelcast;
        if (options.kind().isMember()) {
            Config member = prepareMember(options);
            components.forEach(c -> c.configureMember(member, options));
            hazelcast = Hazelcast.newHazelcastInstance(member);
        } else {
            ClientConfig client = prepareClient(options);
            components.forEach(c -> c.configureClient(client, options));
            hazelcast = HazelcastClient.newHazelcastClient(client);
        }
        NodeRuntime node = new NodeRuntime(options, hazelcast, components);
        try {
            node.startParts();
        } catch (RuntimeException | Error e) {
            node.stop(true);
            throw e;
        }
        return node;
    }

    private static Config prepareMember(NodeOptions options) {
        Config member = MemberConfigs.prepare(options.member(), options.config());
        member.setLiteMember(options.kind() == NodeKind.LITE_MEMBER);
        options.role().ifPresent(r -> member.getMemberAttributeConfig().setAttribute(MemberConfigs.ROLE_ATTRIBUTE, r));
        member.setProperty(HAZELCAST_SHUTDOWN_HOOK, "false");
        options.shutdownTimeout().ifPresent(t -> member.setProperty(GRACEFUL_SHUTDOWN_MAX_WAIT, String.valueOf(t.toSeconds())));
        return member;
    }

    private static ClientConfig prepareClient(NodeOptions options) {
        ClientConfig client = MemberConfigs.prepareClient(options.client());
        options.role().ifPresent(r -> client.addLabel(MemberConfigs.ROLE_ATTRIBUTE + "=" + r));
        return client;
    }

    private void startParts() {
        hazelcast.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleState.SHUTTING_DOWN) {
                // The instance is shut down or terminated underneath the node (hazelcast().shutdown(), Hazelcast
                // itself): stop the node's parts now, while the instance still runs. A no-op inside our own stop.
                stop(false);
            } else if (event.getState() == LifecycleState.SHUTDOWN) {
                stopped.countDown();
            }
        });
        hazelcast.getCluster().addMembershipListener(new MembershipLog());
        SessionGridConfig config = options.config();
        MetricsConfig metricsConfig = config.metrics();
        if (metricsConfig.prometheus() || metricsConfig.jmx()) {
            metrics = NodeMetrics.start(metricsConfig, options.clusterName(), serverId);
        }
        sessions = SessionStores.create(hazelcast, config);
        analyzer = Analyzers.analyzer(hazelcast, config.analyzer());
        sni = SniServices.create(hazelcast, config.sni());
        if (metrics != null) {
            sessions = new MeteredSessionStore(sessions, metrics.meters());
            GridGauges.cluster(metrics.meters(), hazelcast);
            GridGauges.tracker(metrics.meters(), () -> {
                synchronized (this) {
                    return tracker;
                }
            });
            GridGauges.analyzer(metrics.meters(), hazelcast, options.clock());
            GridGauges.sni(metrics.meters(), sni, options.clock());
            metrics.scrapeUri().ifPresent(uri -> LOG.info("metrics of node {} at {}", serverId, uri));
        }
        for (NodeComponent c : components) {
            try {
                c.start(this);
            } catch (RuntimeException e) {
                // It may have started threads or listeners before it failed: close it too (the caller stops the rest).
                try {
                    c.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
            started.add(c);
        }
        if (options.shutdownHook()) {
            shutdownHook = new Thread(() -> {
                LOG.info("JVM shutting down: stopping SessionGrid node {} gracefully", serverId);
                stop(true);
            }, "sessiongrid-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /** Stops the node gracefully (see the class comment); idempotent, and a no-op while a stop is under way. */
    @Override
    public void close() {
        Thread hook = shutdownHook;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook runs (or ran) this same stop.
            }
        }
        stop(true);
    }

    /** The ordered stop; {@code shutdownInstance} false when the instance is already going (see the listener). */
    private void stop(boolean shutdownInstance) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        List<NodeComponent> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        for (NodeComponent c : reverse) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.warn("closing {} failed; the node stops anyway", c.getClass().getSimpleName(), e);
            }
        }
        tasks.cancelAll();
        synchronized (this) {
            if (tracker != null) {
                try {
                    tracker.close(); // flushes what is left
                } catch (RuntimeException e) {
                    if (hazelcast.getLifecycleService().isRunning()) {
                        LOG.warn("the connection tracker's last flush failed: {}", e.toString());
                    } // else the instance went away first (terminated): nothing could be flushed
                }
            }
        }
        if (ownScheduler != null) {
            ownScheduler.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        if (shutdownInstance) {
            if (hazelcast.getLifecycleService().isRunning()) {
                hazelcast.shutdown(); // graceful on a member: replicas are handed over first
            }
            stopped.countDown();
        }
    }

    /** Waits until the node has stopped (by {@link #close()}, a signal, or its instance shutting down). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Waits at most {@code timeout}; whether the node has stopped. */
    public boolean awaitStop(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }

    /** This node's address in the cluster (a member's listening address, a client's local endpoint). */
    public String address() {
        return kind().isMember() ? hazelcast.getCluster().getLocalMember().getAddress().toString()
                : String.valueOf(hazelcast.getLocalEndpoint().getSocketAddress());
    }

    @Override
    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    @Override
    public SessionGridConfig config() {
        return options.config();
    }

    @Override
    public NodeKind kind() {
        return options.kind();
    }

    @Override
    public Optional<String> role() {
        return options.role();
    }

    @Override
    public String serverId() {
        return serverId;
    }

    @Override
    public Optional<String> redirectAddress() {
        return options.redirectAddress();
    }

    @Override
    public Clock clock() {
        return options.clock();
    }

    @Override
    public Scheduler scheduler() {
        return tasks;
    }

    @Override
    public Meters meters() {
        return metrics == null ? Meters.none() : metrics.meters();
    }

    @Override
    public Optional<NodeMetrics> metrics() {
        return Optional.ofNullable(metrics);
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public synchronized ConnectionTracker connections() {
        if (tracker == null) {
            tracker = Analyzers.tracker(hazelcast, options.config().analyzer(), options.clock(), tasks);
        }
        return tracker;
    }

    @Override
    public ConnectionAnalyzer analyzer() {
        return analyzer;
    }

    @Override
    public SniService sni() {
        return sni;
    }

    @Override
    public <T> Optional<T> component(Class<T> type) {
        synchronized (started) {
            return started.stream().filter(type::isInstance).map(type::cast).findFirst();
        }
    }
}
