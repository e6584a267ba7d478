package io.sessiongrid.sni;

/** A count that is not positive, or larger than the whole identifier space. */
public final class InvalidCountException extends SniException {
    private final long count;

    public InvalidCountException(String what, long count, PoolFigures figures) {
        super(what + ": count " + count + " is not allowed; it must be between 1 and " + figures.totalIds(),
                figures, null);
        this.count = count;
    }

    public long count() {
        return count;
    }
}
