package io.sessiongrid.migration;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.impl.clientside.HazelcastClientProxy;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.analyzer.ConnectionTracker;
import io.sessiongrid.config.ConfigException;
import io.sessiongrid.config.MigrationConfig;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.migration.internal.HazelcastMigrations;
import io.sessiongrid.servers.ServerKind;
import io.sessiongrid.servers.ServerRegistry;
import io.sessiongrid.servers.ServerState;
import io.sessiongrid.servers.internal.HazelcastServerRegistry;
import io.sessiongrid.servers.internal.OwningConnectionTracker;
import io.sessiongrid.servers.internal.ServerMaps;
import io.sessiongrid.servers.internal.ServerRecord;
import io.sessiongrid.session.replay.SessionReplay;
import io.sessiongrid.session.replay.SessionReplays;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This node as a server: its registry entry, its migrations and its ownership-registering tracker. Prepare the
 * Hazelcast configuration with {@link #configureMember} or {@link #configureClient} (with the same role) before
 * the instance starts, then {@link #start} it; {@link #close} deregisters it.
 */
public final class ServerNode implements AutoCloseable {
    private final HazelcastInstance hazelcast;
    private final HazelcastServerRegistry registry;
    private final HazelcastMigrations migrations;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService events;
    private final Clock clock;
    private final long rateIntervalMillis;
    private volatile OwningConnectionTracker tracker;
    private long lastRequests;

    private ServerNode(HazelcastInstance hazelcast, SessionGridConfig config, Clock clock, String role) {
        this.hazelcast = hazelcast;
        this.clock = clock;
        boolean client = hazelcast instanceof HazelcastClientProxy;
        String id = hazelcast.getLocalEndpoint().getUuid().toString();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("sessiongrid-servers"));
        this.events = Executors.newSingleThreadExecutor(daemon("sessiongrid-move-events"));
        this.registry = new HazelcastServerRegistry(hazelcast, clock, id);
        List<String> needs = List.copyOf(SessionReplays.typesOf(config, role));
        ServerKind kind = client ? ServerKind.CLIENT
                : hazelcast.getCluster().getLocalMember().isLiteMember() ? ServerKind.LITE_MEMBER : ServerKind.DATA_MEMBER;
        long now = clock.millis();
        registry.register(new ServerRecord(id, role, String.join(",", needs), kind.name(),
                redirectAddress(hazelcast, config.migration(), client), ServerState.STARTING.name(), now, now, 0));
        SessionReplay replay = SessionReplays.create(hazelcast, config);
        Collection<String> copies = config.migration().replay() == MigrationConfig.ReplayScope.ALL
                ? config.partitions().keySet() : needs;
        this.migrations = new HazelcastMigrations(hazelcast, config, clock, id, registry, replay, copies, scheduler,
                events, !client);
        this.rateIntervalMillis = config.analyzer().intervals().get(0).toMillis();
        scheduler.scheduleAtFixedRate(this::reportRate, rateIntervalMillis, rateIntervalMillis, TimeUnit.MILLISECONDS);
        registry.setLocalState(ServerState.READY);
    }

    /**
     * Registers {@code hazelcast}'s node as a {@code READY} server with {@code role} ({@code null}: the config's
     * {@code migration.role}, which may be none).
     *
     * @throws ConfigException if the role is not configured
     */
    public static ServerNode start(HazelcastInstance hazelcast, SessionGridConfig config, Clock clock, String role) {
        return new ServerNode(hazelcast, config, clock, roleOf(config, role));
    }

    /** Adds the registry's maps and indexes, the serializers, and the warm copy of the role's types. */
    public static Config configureMember(Config member, SessionGridConfig config, String role) {
        ServerMaps.configureMember(member);
        return SessionReplays.configureMember(member, warmTypes(config, roleOf(config, role)));
    }

    /** Adds the serializers and the warm copy of the role's types. */
    public static ClientConfig configureClient(ClientConfig client, SessionGridConfig config, String role) {
        ServerMaps.registerSerializers(client.getSerializationConfig());
        return SessionReplays.configureClient(client, warmTypes(config, roleOf(config, role)));
    }

    /** SQL mappings of the servers, connections and moves maps (create them on a data member). */
    public static List<String> sqlMappings() {
        return ServerMaps.sqlMappings();
    }

    private static String roleOf(SessionGridConfig config, String role) {
        String r = role != null ? role : config.migration().role();
        if (r != null && config.role(r).isEmpty()) {
            throw new ConfigException("--role", r, "unknown role; configured roles: " + config.roles().keySet());
        }
        return r;
    }

    private static Collection<String> warmTypes(SessionGridConfig config, String role) {
        if (config.migration().replay() == MigrationConfig.ReplayScope.ALL) {
            return config.partitions().keySet();
        }
        return role == null ? List.of() : SessionReplays.typesOf(config, role);
    }

    private static String redirectAddress(HazelcastInstance hazelcast, MigrationConfig config, boolean client) {
        if (config.redirectAddress() != null) {
            return config.redirectAddress();
        }
        if (client) {
            InetSocketAddress local = (InetSocketAddress) hazelcast.getLocalEndpoint().getSocketAddress();
            return local == null ? "" : local.getHostString();
        }
        Member me = hazelcast.getCluster().getLocalMember();
        return me.getAddress().getHost();
    }

    public ServerRegistry servers() {
        return registry;
    }

    public Migrations migrations() {
        return migrations;
    }

    /** This server's id (its Hazelcast member or client UUID). */
    public String id() {
        return registry.localId().orElseThrow();
    }

    /** Wraps the analyzer's tracker so that opening a connection registers this server as its owner. */
    public synchronized ConnectionTracker tracker(ConnectionTracker analyzer) {
        if (tracker == null) {
            tracker = new OwningConnectionTracker(analyzer, registry, id());
        }
        return tracker;
    }

    private void reportRate() {
        OwningConnectionTracker t = tracker;
        if (t == null || !hazelcast.getLifecycleService().isRunning()) {
            return;
        }
        try {
            long total = t.ownRequests();
            registry.reportRecentRate((total - lastRequests) * 1000.0 / rateIntervalMillis);
            lastRequests = total;
        } catch (RuntimeException e) {
            // the next interval reports again
        }
    }

    /** Marks this server LEAVING and removes its entry (its remaining connections are orphaned when it is gone). */
    @Override
    public void close() {
        try {
            if (hazelcast.getLifecycleService().isRunning()) {
                registry.setLocalState(ServerState.LEAVING);
                registry.deregister();
            }
        } catch (RuntimeException e) {
            // the cluster is already unreachable: the removal listeners clean up
        }
        migrations.close();
        scheduler.shutdownNow();
        events.shutdown();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
