package io.sessiongrid.analyzer;

/**
 * Records what client connections do, for the connection pattern analyzer. The same on embedded members and
 * on clients: obtain one per process from {@link Analyzers#tracker} and share it between threads.
 *
 * <p>Recording is in memory: each call costs a few counter increments (no I/O, no lock, no allocation for a
 * known connection and API call). Once per flush interval (the smallest configured analyzer interval) the
 * tracker writes one sample per open connection in a handful of batched map writes, one per Hazelcast
 * partition, never one write per event. A connection that is open but quiet is reported too: idleness is a
 * signal the health score uses.
 *
 * <p>Events for a connection this tracker never saw opened (or already closed) are not recorded; they are
 * counted in {@link #unknownConnectionEvents()}.
 */
public interface ConnectionTracker extends AutoCloseable {

    /**
     * A connection was opened on this process's server. On a SessionGrid node ({@code SessionGrid.connections()})
     * this also registers the node's server as the connection's owner; a bare tracker records no owner.
     *
     * @param connectionId unique per connection, not empty
     * @param sessionId    the session it serves (where its records are stored), not empty
     */
    default void opened(String connectionId, String sessionId) {
        opened(connectionId, sessionId, "");
    }

    /**
     * A connection was opened.
     *
     * @param connectionId unique per connection, not empty
     * @param sessionId    the session it serves (where its records are stored), not empty
     * @param member       the server it is attached to (may be empty: this process's server); on a SessionGrid node
     *                     a registered server id, which becomes the connection's owner
     */
    void opened(String connectionId, String sessionId, String member);

    /**
     * A request on the connection completed.
     *
     * @param apiCall       the API call's name (a bounded set: at most 32 distinct names per connection are kept
     *                      apart, the rest count as {@code other})
     * @param bytesIn       request bytes, {@code >= 0}
     * @param bytesOut      response bytes, {@code >= 0}
     * @param latencyMicros the request's latency, {@code >= 0}
     * @param error         whether it failed
     */
    void request(String connectionId, String apiCall, long bytesIn, long bytesOut, long latencyMicros, boolean error);

    /** The connection was closed; its last sample is written at the next flush. */
    void closed(String connectionId);

    /** Writes what was recorded since the last flush now, as a sample of the current interval. */
    void flush();

    /** Connections open in this tracker. */
    int openConnections();

    /** Events dropped because their connection was unknown to this tracker. */
    long unknownConnectionEvents();

    /** Flushes that failed (their counts are carried into the next flush, not lost). */
    long failedFlushes();

    /** Stops the periodic flush after a last one. */
    @Override
    void close();
}
