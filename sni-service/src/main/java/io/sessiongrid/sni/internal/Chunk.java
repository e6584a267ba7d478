package io.sessiongrid.sni.internal;

/**
 * One chunk of the identifier space: the source of truth for its identifiers. Stored in {@code <ns>.chunks} under
 * its index, Compact type {@code sessiongrid.sni.Chunk}, changed only by {@link ChunkProcessors}.
 *
 * <p>Held identifiers are kept as runs (offset, length, kind, holder, stamp): kind 1 = leased (stamp = last
 * heartbeat), kind 2 = reserved (stamp = expiry). Offsets not covered by a run are free.
 *
 * @param index        chunk index; identifiers are {@code index * chunkSize + offset}
 * @param owner        owning application, {@code null} when the chunk is in the free pool
 * @param claimedAt    when the owner took it
 * @param lastActivity last allocation, release, reservation or heartbeat
 * @param pinnedUntil  a range reservation keeps the chunk until then even when empty
 */
public record Chunk(int index, String owner, long claimedAt, long lastActivity, long pinnedUntil,
                    int[] starts, int[] lengths, byte[] kinds, long[] holders, long[] stamps) {

    public static final byte LEASED = 1;
    public static final byte RESERVED = 2;

    public int runCount() {
        return starts.length;
    }

    /** Identifiers held by leases or reservations. */
    public int held() {
        int sum = 0;
        for (int length : lengths) {
            sum += length;
        }
        return sum;
    }

    public int held(byte kind) {
        int sum = 0;
        for (int i = 0; i < starts.length; i++) {
            if (kinds[i] == kind) {
                sum += lengths[i];
            }
        }
        return sum;
    }
}
