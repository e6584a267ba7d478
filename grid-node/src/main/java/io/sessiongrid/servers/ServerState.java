package io.sessiongrid.servers;

/** A server's life cycle; only {@link #READY} servers receive moved connections. */
public enum ServerState {
    /** Registered, still starting: not a move target yet. */
    STARTING,
    /** Serving, and a move target. */
    READY,
    /** Its connections are being moved away; not a move target. */
    DRAINING,
    /** Shutting down; its entry goes when it is gone. */
    LEAVING
}
