package io.sessiongrid.session;

/** A write whose result would pass the partition type's {@code maxBytes}; nothing was written. */
public class PartitionTooLargeException extends SessionStoreException {
    private final int sizeBytes;
    private final int maxBytes;

    public PartitionTooLargeException(String sessionId, String partition, int sizeBytes, int maxBytes) {
        super("partition '" + partition + "' of session '" + sessionId + "' would be " + sizeBytes
                + " bytes; the type allows at most " + maxBytes + " bytes (maxBytes)");
        this.sizeBytes = sizeBytes;
        this.maxBytes = maxBytes;
    }

    public int sizeBytes() {
        return sizeBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }
}
