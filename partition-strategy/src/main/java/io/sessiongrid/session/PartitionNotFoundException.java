package io.sessiongrid.session;

/** An element delta on a partition that does not exist; create it with {@code set} first. */
public class PartitionNotFoundException extends SessionStoreException {
    public PartitionNotFoundException(String sessionId, String partition) {
        super("session '" + sessionId + "' has no partition '" + partition
                + "'; element deltas need an existing partition: create it with set(...) first");
    }
}
