package io.sessiongrid.migration;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.analyzer.ConnectionTracker;
import io.sessiongrid.config.MigrationConfig;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.migration.internal.HazelcastMigrations;
import io.sessiongrid.runtime.NodeComponent;
import io.sessiongrid.runtime.NodeContext;
import io.sessiongrid.runtime.NodeKind;
import io.sessiongrid.runtime.NodeOptions;
import io.sessiongrid.servers.ServerKind;
import io.sessiongrid.servers.ServerRegistry;
import io.sessiongrid.servers.ServerState;
import io.sessiongrid.servers.internal.HazelcastServerRegistry;
import io.sessiongrid.servers.internal.OwningConnectionTracker;
import io.sessiongrid.servers.internal.ServerMaps;
import io.sessiongrid.servers.internal.ServerRecord;
import io.sessiongrid.session.replay.SessionReplay;
import io.sessiongrid.session.replay.SessionReplays;
import io.sessiongrid.time.ScheduledTask;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The node component that makes a node a server: it registers the node in the server registry at start (id,
 * role, kind, redirect address; {@code READY} once its move handling runs), runs its side of migrations, and on
 * stop marks it {@code LEAVING} (the entry goes, and what it still owns is orphaned, when its member or client
 * has left the cluster). The node's Hazelcast configuration gets the registry's maps and the warm copy of the
 * role's partition types from {@link #configureMember} / {@link #configureClient}, which the runtime applies
 * before the instance starts.
 */
public final class ServerNode implements NodeComponent {
    private HazelcastInstance hazelcast;
    private HazelcastServerRegistry registry;
    private HazelcastMigrations migrations;
    private ExecutorService events;
    private ScheduledTask rateReport;
    private long rateIntervalMillis;
    private volatile OwningConnectionTracker tracker;
    private NodeContext node;
    private long lastRequests;

    @Override
    public void start(NodeContext node) {
        this.hazelcast = node.hazelcast();
        SessionGridConfig config = node.config();
        String role = node.role().orElse(null);
        String id = node.serverId();
        this.events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sessiongrid-move-events");
            t.setDaemon(true);
            return t;
        });
        this.registry = new HazelcastServerRegistry(hazelcast, node.clock(), id);
        List<String> needs = List.copyOf(SessionReplays.typesOf(config, role));
        long now = node.clock().millis();
        registry.register(new ServerRecord(id, hazelcast.getLocalEndpoint().getUuid().toString(), role,
                String.join(",", needs), kind(node.kind()).name(),
                node.redirectAddress().orElseGet(() -> defaultAddress(hazelcast, node.kind())),
                ServerState.STARTING.name(), now, now, 0));
        SessionReplay replay = SessionReplays.create(hazelcast, config);
        Collection<String> copies = config.migration().replay() == MigrationConfig.ReplayScope.ALL
                ? config.partitions().keySet() : needs;
        this.migrations = new HazelcastMigrations(hazelcast, config, node.clock(), id, registry, replay, copies,
                node.scheduler(), events, node.kind().isMember());
        this.node = node;
        this.rateIntervalMillis = config.analyzer().intervals().get(0).toMillis();
        Duration interval = Duration.ofMillis(rateIntervalMillis);
        this.rateReport = node.scheduler().atFixedRate("server-load", interval, interval, this::reportRate);
        registry.setLocalState(ServerState.READY);
    }

    /** Adds the registry's maps and indexes, the serializers, and the warm copy of the node's role's types. */
    @Override
    public void configureMember(Config member, NodeOptions options) {
        ServerMaps.configureMember(member);
        SessionReplays.configureMember(member, warmTypes(options.config(), options.role().orElse(null)));
    }

    /** Adds the serializers and the warm copy of the node's role's types. */
    @Override
    public void configureClient(ClientConfig client, NodeOptions options) {
        ServerMaps.registerSerializers(client.getSerializationConfig());
        SessionReplays.configureClient(client, warmTypes(options.config(), options.role().orElse(null)));
    }

    /** SQL mappings of the servers, connections and moves maps. */
    public static List<String> sqlMappings() {
        return ServerMaps.sqlMappings();
    }

    /** A node keeps a warm copy of its role's types (every type with {@code replay: all}); without a role, none. */
    private static Collection<String> warmTypes(SessionGridConfig config, String role) {
        if (config.migration().replay() == MigrationConfig.ReplayScope.ALL) {
            return config.partitions().keySet();
        }
        return role == null ? List.of() : SessionReplays.typesOf(config, role);
    }

    private static ServerKind kind(NodeKind kind) {
        return switch (kind) {
            case DATA_MEMBER -> ServerKind.DATA_MEMBER;
            case LITE_MEMBER -> ServerKind.LITE_MEMBER;
            case CLIENT -> ServerKind.CLIENT;
        };
    }

    /** Without a configured redirect address: the member's host:port, or the client's host. */
    private static String defaultAddress(HazelcastInstance hazelcast, NodeKind kind) {
        if (kind.isMember()) {
            return hazelcast.getCluster().getLocalMember().getAddress().getHost() + ":"
                    + hazelcast.getCluster().getLocalMember().getAddress().getPort();
        }
        InetSocketAddress local = (InetSocketAddress) hazelcast.getLocalEndpoint().getSocketAddress();
        return local == null ? "" : local.getHostString();
    }

    public ServerRegistry servers() {
        return registry;
    }

    public Migrations migrations() {
        return migrations;
    }

    /** This server's id. */
    public String id() {
        return registry.localId().orElseThrow();
    }

    /** The node's tracker, wrapped so that opening a connection registers this server (or the named one) as owner. */
    public synchronized ConnectionTracker tracker() {
        if (tracker == null) {
            tracker = new OwningConnectionTracker(node.connections(), registry, id());
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

    @Override
    public void close() {
        if (rateReport != null) {
            rateReport.cancel();
        }
        try {
            if (hazelcast.getLifecycleService().isRunning()) {
                registry.setLocalState(ServerState.LEAVING);
            }
        } catch (RuntimeException e) {
            // the cluster is already unreachable: the removal listeners clean up
        }
        if (migrations != null) {
            migrations.close();
        }
        if (events != null) {
            events.shutdown();
        }
    }
}
