package io.sessiongrid.sni;

/** The pool has fewer free identifiers than asked for. Nothing was allocated. */
public final class PoolExhaustedException extends SniException {
    private final String appId;
    private final int requested;

    public PoolExhaustedException(String appId, int requested, PoolFigures figures) {
        super("pool exhausted: application '" + appId + "' asked for " + requested
                + " identifiers and nothing was allocated", figures, null);
        this.appId = appId;
        this.requested = requested;
    }

    public String appId() {
        return appId;
    }

    public int requested() {
        return requested;
    }
}
