package io.sessiongrid.sni;

/**
 * The result of {@link SniService#release(java.util.Collection)}; releasing twice is idempotent.
 *
 * @param released    identifiers that were held by a lease and are free now
 * @param alreadyFree identifiers that were free already (a double release, or never allocated)
 * @param reserved    identifiers left alone because a reservation holds them (use releaseReservation)
 */
public record ReleaseResult(int released, int alreadyFree, int reserved) {
}
