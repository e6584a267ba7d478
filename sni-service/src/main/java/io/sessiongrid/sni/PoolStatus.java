package io.sessiongrid.sni;

/**
 * The whole identifier pool.
 *
 * @param totalIds      identifiers in the space (2^widthBits)
 * @param chunkSize     identifiers per chunk
 * @param chunks        chunks in the space
 * @param freeChunks    chunks owned by no application
 * @param leasedIds     identifiers held by leases
 * @param reservedIds   identifiers held by shadow reservations
 * @param freeIds       identifiers neither leased nor reserved (in free chunks or free inside owned chunks)
 * @param applications  applications that own at least one chunk
 * @param hotChunks     owned chunks with recent activity
 * @param warmChunks    owned chunks neither hot nor cold
 * @param coldChunks    owned chunks idle longer than the idle timeout (candidates for reclamation)
 * @param fragmentation external fragmentation of the free chunks, 0-1: {@code 1 - largest free run / free chunks}
 *                      (0 when the free chunks form one run)
 * @param contiguity    share of all leased and reserved identifiers that sit in their application's largest
 *                      run of consecutive chunks, 0-1
 */
public record PoolStatus(long totalIds, int chunkSize, int chunks, int freeChunks, long leasedIds, long reservedIds,
                         long freeIds, int applications, int hotChunks, int warmChunks, int coldChunks,
                         double fragmentation, double contiguity) {

    /** The figures exceptions carry. */
    public PoolFigures figures() {
        return new PoolFigures(totalIds, freeIds, chunkSize, freeChunks);
    }
}
