package io.sessiongrid.session;

/** An optimistic write whose expected version no longer holds; nothing was written. */
public class VersionConflictException extends SessionStoreException {
    private final long expected;
    private final long actual;

    public VersionConflictException(String sessionId, String partition, long expected, long actual) {
        super("partition '" + partition + "' of session '" + sessionId + "' is at version " + actual
                + ", not the expected " + expected + (actual == SessionStore.ABSENT ? " (it does not exist)" : ""));
        this.expected = expected;
        this.actual = actual;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
