package io.sessiongrid.sni.internal;

/**
 * Which chunks are taken: a hint for finding free chunks quickly (the chunk entries are the truth). One entry,
 * key {@value #KEY} in {@code <ns>.pool}, Compact type {@code sessiongrid.sni.PoolDirectory}.
 *
 * @param chunks     chunks in the space
 * @param chunkSize  identifiers per chunk (services with another chunk size are refused)
 * @param seed       seed of the shuffled order (random-sharding baseline)
 * @param cursor     position in the shuffled order
 * @param taken      bitmap, bit set = taken
 * @param takenCount number of bits set
 */
public record PoolDirectory(int chunks, int chunkSize, long seed, long cursor, long[] taken, int takenCount) {
    public static final String KEY = "directory";

    public int freeChunks() {
        return chunks - takenCount;
    }
}
