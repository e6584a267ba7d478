package io.sessiongrid.runtime;

/**
 * A part of SessionGrid that runs with a node: started after the node's Hazelcast instance and core services
 * (session store, analyzer, SNI service) are up, stopped before the instance shuts down.
 *
 * <p>Lifecycle, guaranteed by the runtime:
 * <ol>
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
 *       continues.</li>
 * </ol>
 * Periodic work goes through {@link NodeContext#scheduler()} and reads time from {@link NodeContext#clock()}, so
 * it runs the same in tests and simulations with a {@link io.sessiongrid.time.ManualScheduler}.
 */
public interface NodeComponent extends AutoCloseable {

    /** Starts this component on the node; called once. */
    void start(NodeContext node);

    /** Stops this component; called once, after a successful {@link #start}, while the instance still runs. */
    @Override
    default void close() {
    }
}
