package io.sessiongrid.runtime;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;

/**
 * A part of SessionGrid that runs with a node: started after the node's Hazelcast instance and core services
 * (session store, analyzer, SNI service) are up, stopped before the instance shuts down.
 *
 * <p>Lifecycle, guaranteed by the runtime:
 * <ol>
 *   <li>Before the Hazelcast instance starts, {@link #configureMember} (or {@link #configureClient}) lets each
 *       component add to the instance's configuration, in component order.</li>
 *   <li>Components start one at a time, in order: the built-in ones (cluster jobs, SQL mappings, SNI reservation
 *       feed and sweeper, then later parts such as the server registry and the scaling engine), then those the
 *       application adds with {@link NodeOptions.Builder#component}.</li>
 *   <li>{@link #start} decides for itself whether it applies to the node ({@link NodeContext#kind()},
 *       {@link NodeContext#role()}); a component that does not apply simply returns.</li>
 *   <li>If a start throws, the components already started are closed (in reverse order), the instance is shut
 *       down and the node's start fails with that exception.</li>
 *   <li>On stop, components are closed in reverse start order, then every task still scheduled on
 *       {@link NodeContext#scheduler()} is cancelled, the tracker flushed, and only then the instance shut down
 *       (gracefully). {@link #close()} may still use the instance. A close that throws is logged and the stop
 *       continues. When the instance is shut down or terminated by someone else, the same happens as it starts to
 *       go (Hazelcast's {@code SHUTTING_DOWN}), in the thread that shuts it down.</li>
 *   <li>To stop its own node, a component shuts the instance down ({@code node.hazelcast().shutdown()}), from any
 *       thread, also from one of its scheduled tasks.</li>
 * </ol>
 * Periodic work goes through {@link NodeContext#scheduler()} and reads time from {@link NodeContext#clock()}, so
 * it runs the same in tests and simulations with a {@link io.sessiongrid.time.ManualScheduler}.
 */
public interface NodeComponent extends AutoCloseable {

    /**
     * Adds what this component needs to a member's Hazelcast configuration (map configs, serializers, listeners)
     * before the instance starts; called once, on members only, after SessionGrid's own additions.
     */
    default void configureMember(Config member, NodeOptions options) {
    }

    /** Adds what this component needs to a client's configuration before the client starts; clients only. */
    default void configureClient(ClientConfig client, NodeOptions options) {
    }

    /** Starts this component on the node; called once. */
    void start(NodeContext node);

    /** Stops this component; called once, after a successful {@link #start}, while the instance still runs. */
    @Override
    default void close() {
    }
}
