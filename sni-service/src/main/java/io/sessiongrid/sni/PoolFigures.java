package io.sessiongrid.sni;

/**
 * Pool figures carried by every {@link SniException}, so a caller can see what was possible.
 *
 * @param totalIds   identifiers in the space
 * @param freeIds    identifiers neither leased nor reserved, or -1 when unknown
 * @param chunkSize  identifiers per chunk
 * @param freeChunks chunks owned by no application, or -1 when unknown
 */
public record PoolFigures(long totalIds, long freeIds, int chunkSize, int freeChunks) {
    @Override
    public String toString() {
        return "pool: " + (freeIds < 0 ? "?" : freeIds) + " of " + totalIds + " ids free, "
                + (freeChunks < 0 ? "?" : freeChunks) + " free chunks of " + chunkSize + " ids";
    }
}
