package io.sessiongrid.provision;

/** A provisioned server's life cycle. */
public enum ServerPhase {
    /** Requested, not yet ready. */
    STARTING,
    /** Joined the cluster (and registered, where the registry is wired): it can take connections. */
    READY,
    /** Asked to stop gracefully. */
    STOPPING,
    /** Stopped after a request to stop. */
    STOPPED,
    /** Died or failed to start without being asked to stop. */
    FAILED;

    /** Whether the server is gone for good. */
    public boolean terminal() {
        return this == STOPPED || this == FAILED;
    }
}
