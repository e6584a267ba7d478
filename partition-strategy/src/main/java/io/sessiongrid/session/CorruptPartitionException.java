package io.sessiongrid.session;

/**
 * A stored partition that breaks one of the store's invariants, so it cannot be read or changed in place: written
 * outside the API (an SQL {@code UPDATE} that nulled its elements, a non-Java client's partial record, ...). Only this
 * partition of this session is affected; overwrite it with {@code set} or remove it with {@code delete}.
 */
public class CorruptPartitionException extends SessionStoreException {
    private final String sessionId;
    private final String partition;

    public CorruptPartitionException(String sessionId, String partition, String map, int hazelcastPartition,
                                     String problem) {
        super("partition '" + partition + "' of session '" + sessionId + "' (map " + map + ", Hazelcast partition "
                + hazelcastPartition + ") cannot be read: " + problem + ". It was written outside the SessionGrid API "
                + "(SQL or another client); overwrite it with set(...) or remove the session with delete(...)");
        this.sessionId = sessionId;
        this.partition = partition;
    }

    public String sessionId() {
        return sessionId;
    }

    public String partition() {
        return partition;
    }
}
