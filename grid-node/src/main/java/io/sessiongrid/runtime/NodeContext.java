package io.sessiongrid.runtime;

import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.analyzer.ConnectionAnalyzer;
import io.sessiongrid.analyzer.ConnectionTracker;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.session.SessionStore;
import io.sessiongrid.sni.SniService;
import io.sessiongrid.time.Scheduler;

import java.time.Clock;
import java.util.Optional;

/** What a {@link NodeComponent} gets from the node it runs on. */
public interface NodeContext {

    /** The node's Hazelcast instance: a member or a client, see {@link #kind()}. */
    HazelcastInstance hazelcast();

    SessionGridConfig config();

    /** Data member, lite member or client. */
    NodeKind kind();

    /** The server role this node serves ({@code --role}; one of {@link SessionGridConfig#roles()}), if any. */
    Optional<String> role();

    /**
     * This node's server id: the one configured ({@link NodeOptions.Builder#serverId}), else the Hazelcast
     * instance's UUID (the member's or the client's), which is unique in the cluster.
     */
    String serverId();

    /** The address the application redirects its connections to for this node, if configured. */
    Optional<String> redirectAddress();

    /** The node's time: every decision about "now" reads this clock. */
    Clock clock();

    /**
     * The node's scheduler. Tasks scheduled here are cancelled when the node stops, after the components'
     * {@code close} and before the instance shuts down.
     */
    Scheduler scheduler();

    /** The session store. */
    SessionStore sessions();

    /** This node's connection tracker (one per node), flushed once per interval on {@link #scheduler()}. */
    ConnectionTracker connections();

    /** The analyzer's read API. */
    ConnectionAnalyzer analyzer();

    /** The SNI service. */
    SniService sni();

    /**
     * A component of this node that is an instance of {@code type}: the first one, in start order, among those
     * already started (a component sees the ones started before it).
     */
    <T> Optional<T> component(Class<T> type);
}
