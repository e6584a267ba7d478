package io.sessiongrid;

import io.sessiongrid.alerts.Alerts;
import io.sessiongrid.alerts.internal.AlertMonitor;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.analyzer.ConnectionAnalyzer;
import io.sessiongrid.analyzer.ConnectionTracker;
import io.sessiongrid.config.HazelcastConfigs;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.migration.Migrations;
import io.sessiongrid.migration.ServerNode;
import io.sessiongrid.node.sni.ProfileFeed;
import io.sessiongrid.runtime.NodeContext;
import io.sessiongrid.runtime.NodeOptions;
import io.sessiongrid.runtime.internal.NodeRuntime;
import io.sessiongrid.scaling.engine.ScalingControl;
import io.sessiongrid.servers.ServerRegistry;
import io.sessiongrid.session.SessionStore;
import io.sessiongrid.sni.SniService;
import io.sessiongrid.sni.reservation.PlanAction;

import java.util.List;

/**
 * SessionGrid on one node: an embedded member ({@link #embedded}), a client ({@link #client}), or any node
 * described by {@link NodeOptions} ({@link #start}). All give the same API: the session store, the connection
 * tracker and analyzer, and the SNI service. All start through the same node runtime as
 * {@code ./sessiongrid start}: members also make sure the cluster's Jet jobs run and data members create the SQL
 * mappings. Closing it stops the node's periodic work, flushes the tracker and shuts the instance down
 * gracefully.
 *
 * <pre>{@code
 * try (SessionGrid grid = SessionGrid.client(SessionGridConfigLoader.defaults(), HazelcastConfigs.client(null))) {
 *     grid.sessions().set("s-1", "cart", Map.of("item-7", "2"));
 * }
 * }</pre>
 */
public final class SessionGrid implements AutoCloseable {
    private final NodeRuntime node;

    private SessionGrid(NodeRuntime node) {
        this.node = node;
    }

    /**
     * Starts a node: the full form (role, server id, clock, scheduler, extra components, shutdown behaviour).
     *
     * @see NodeOptions#builder()
     */
    public static SessionGrid start(NodeOptions options) {
        return new SessionGrid(NodeRuntime.start(options));
    }

    /** An embedded member with the shipped defaults (cluster {@code sessiongrid} on 127.0.0.1:5701+). */
    public static SessionGrid embedded() {
        return embedded(SessionGridConfigLoader.defaults(), HazelcastConfigs.member(null));
    }

    /**
     * An embedded member (a lite member if {@code member.isLiteMember()}): {@code member} is completed with
     * SessionGrid's maps, serializers and Jet.
     */
    public static SessionGrid embedded(SessionGridConfig config, Config member) {
        return start(NodeOptions.builder().config(config).member(member).build());
    }

    /** A Hazelcast client of a SessionGrid cluster: {@code client} is completed with SessionGrid's serializers. */
    public static SessionGrid client(SessionGridConfig config, ClientConfig client) {
        return start(NodeOptions.builder().config(config).client(client).build());
    }

    /** The session state store. */
    public SessionStore sessions() {
        return node.sessions();
    }

    /**
     * This node's connection tracker (created on first use): report connection events here; they are aggregated
     * in memory and flushed once per smallest analyzer interval. {@code opened(connectionId, sessionId)} also
     * registers this node's server as the connection's owner (see {@link #servers()}).
     */
    public ConnectionTracker connections() {
        return server().tracker();
    }

    /** The cluster's servers, which server owns each connection, and per-server load and health. */
    public ServerRegistry servers() {
        return server().servers();
    }

    /** Moves connections between servers with selective replay; drains servers. */
    public Migrations migrations() {
        return server().migrations();
    }

    private ServerNode server() {
        return node.component(ServerNode.class).orElseThrow();
    }

    /** Connection series, health scores and the cluster forecast computed by the analyzer's Jet job. */
    public ConnectionAnalyzer analyzer() {
        return node.analyzer();
    }

    /** Session Network Identifiers: allocation, reservations, leases and reclamation. */
    public SniService sni() {
        return node.sni();
    }

    /**
     * Applies the profiler's current forecasts now instead of at the next decision interval: reserves (and
     * shadow-allocates, when confident) identifiers for each registered application's predicted growth.
     *
     * @return what was reserved, extended or released
     */
    public List<PlanAction> refreshReservations() {
        return node.component(ProfileFeed.class).orElseThrow().runOnce();
    }

    /**
     * The scaling engine's controls and decisions (manual floor, pause, recent decisions and moves), the same on
     * members and clients; the engine itself runs on the oldest data member ({@code scaling.provisioner}).
     */
    public ScalingControl scaling() {
        return new ScalingControl(node.hazelcast(), node.config().scaling().maxMembers());
    }

    /** Alerts raised and cleared on this node (the conditions of the sample Prometheus rules). */
    public Alerts alerts() {
        return node.component(AlertMonitor.class).orElseThrow();
    }

    /** The node: its kind, role, server id, clock, scheduler and components. */
    public NodeContext node() {
        return node;
    }

    /** The underlying Hazelcast instance, for everything SessionGrid does not wrap. */
    public HazelcastInstance hazelcast() {
        return node.hazelcast();
    }

    public SessionGridConfig config() {
        return node.config();
    }

    /** Stops the node gracefully: its components and periodic tasks first, then the Hazelcast instance. */
    @Override
    public void close() {
        node.close();
    }
}
