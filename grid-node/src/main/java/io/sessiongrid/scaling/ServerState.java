package io.sessiongrid.scaling;

/** A server's life cycle, as the decision logic sees it. */
public enum ServerState {
    /** Requested or starting: not serving yet, but counted as capacity on its way. */
    PENDING,
    /** Serving connections. */
    READY,
    /** Handing its connections to others before it retires: no longer counted as capacity. */
    DRAINING
}
