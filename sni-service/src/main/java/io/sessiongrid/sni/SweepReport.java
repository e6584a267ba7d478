package io.sessiongrid.sni;

/**
 * What one {@link SniService#sweep()} did.
 *
 * @param reclaimedIds         identifiers freed because their lease was idle longer than the idle timeout
 * @param expiredReservedIds   identifiers freed because their reservation expired
 * @param releasedChunks       cold, empty, unpinned chunks returned to the free pool
 * @param expiredReservations  reservations that lapsed
 */
public record SweepReport(long reclaimedIds, long expiredReservedIds, int releasedChunks, int expiredReservations) {
}
