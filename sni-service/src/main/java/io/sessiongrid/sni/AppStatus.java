package io.sessiongrid.sni;

/**
 * One application cluster's holdings.
 *
 * @param appId          the application cluster
 * @param priority       its priority (higher wins under contention)
 * @param chunks         chunks it owns
 * @param leased         identifiers allocated to its leases
 * @param reserved       identifiers pre-allocated to its shadow reservations
 * @param freeInChunks   free identifiers inside its chunks
 * @param reservations   active reservations
 * @param ranges         maximal runs of consecutive chunks it owns
 * @param contiguity     share of its leased and reserved identifiers inside its largest run of chunks, 0-1
 *                       (1 when it holds nothing)
 * @param hotChunks      its chunks with recent activity
 * @param coldChunks     its chunks idle longer than the idle timeout
 */
public record AppStatus(String appId, int priority, int chunks, long leased, long reserved, long freeInChunks,
                        int reservations, int ranges, double contiguity, int hotChunks, int coldChunks) {
}
