package io.sessiongrid.sni;

/**
 * The SNI maps refused the operation: this side of the cluster is below the split-brain protection minimum
 * (a minority side never allocates), or the cluster failed mid-call. Partial work of the call was rolled back
 * as far as the cluster allowed; identifiers are never handed out twice either way.
 */
public final class SniUnavailableException extends SniException {
    public SniUnavailableException(String message, PoolFigures figures, Throwable cause) {
        super(message, figures, cause);
    }
}
