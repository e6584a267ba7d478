package io.sessiongrid.sni;

import java.time.Duration;
import java.util.Collection;

/**
 * Session Network Identifiers: identifiers of the VMs/members of application clusters, handed out from a space of
 * {@code 2^widthBits} identifiers cut into chunks. The same API works on a member and on a client; all state lives
 * in IMaps changed only by entry processors, so any number of members and clients may call concurrently and an
 * identifier is never held by two holders.
 *
 * <p>Every identifier belongs to one chunk entry, and a chunk to at most one application. Inside a chunk an
 * identifier is free, held by a {@link Lease} or held by a shadow {@link Reservation}.
 *
 * <p>Errors of the pool (unknown application or reservation, exhausted pool, bad count, grid unavailable) are
 * {@link SniException}s carrying the pool figures; a malformed argument (a null or blank application id, a null or
 * non-positive duration, null ranges) is an {@link IllegalArgumentException} or {@link NullPointerException} saying
 * which, thrown before anything is written. Create instances with {@link SniServices}.
 */
public interface SniService {

    /**
     * Registers (or re-prioritises) an application cluster. Idempotent.
     *
     * @param priority higher priorities win under contention for reservations
     */
    void registerApp(String appId, int priority);

    /**
     * Allocates {@code count} identifiers to a new lease of the application: first from the shadow reservations this
     * instance made (handed out locally, with no grid call; the grid records the hand-over moments later, see
     * {@link Lease#handedFrom()}), then from free identifiers in its chunks, then from new chunks (next to its existing
     * ones when sharding is dynamic, in shuffled order for the random-sharding baseline). All or nothing.
     *
     * @throws UnknownAppException     the application is not registered
     * @throws InvalidCountException   count is not in {@code 1..totalIds}
     * @throws PoolExhaustedException  not enough free identifiers; nothing was allocated
     * @throws SniUnavailableException this side of a split brain, or a failure mid-call
     */
    Allocation allocate(String appId, int count);

    /**
     * Frees leased identifiers. Idempotent: identifiers already free are counted, not an error. A lease handed out
     * locally by another instance whose hand-over has not landed yet is not freed (its identifiers count as reserved)
     * and stays until it idles out; on the instance that handed it out, release waits for the hand-over first.
     */
    ReleaseResult release(Collection<IdRange> ids);

    /** Refreshes the heartbeat of every identifier the lease still holds. */
    LeaseStatus heartbeat(Lease lease);

    /** A {@link ReservationKind#SHADOW} reservation: {@code count} identifiers pre-allocated for {@code ttl}. */
    default Reservation reserve(String appId, int count, Duration ttl) {
        return reserve(appId, count, ttl, ReservationKind.SHADOW);
    }

    /**
     * Reserves identifiers (or chunks) for the application's predicted growth, until {@code ttl} from now.
     *
     * @throws UnknownAppException, InvalidCountException, PoolExhaustedException, SniUnavailableException
     */
    Reservation reserve(String appId, int count, Duration ttl, ReservationKind kind);

    /**
     * Extends a live reservation to {@code ttl} from now and returns what it still holds.
     *
     * @throws UnknownReservationException        unknown, released or already expired
     * @throws ReservationHeldElsewhereException a shadow reservation made by another service instance
     */
    Reservation extend(Reservation reservation, Duration ttl);

    /**
     * Releases a reservation's identifiers that were not allocated yet. Idempotent for a reservation released
     * before; returns how many identifiers were freed.
     *
     * @throws UnknownReservationException        the id was never a reservation
     * @throws ReservationHeldElsewhereException a live shadow reservation made by another service instance (it
     *                                            ends at its expiry)
     */
    int releaseReservation(Reservation reservation);

    /**
     * Manual reclamation: frees the given identifiers whose lease has been idle longer than the idle timeout
     * (graceful verification: a live heartbeat proves use, and such an identifier is never reclaimed). Returns
     * what was reclaimed and why the rest was refused.
     */
    ReclaimResult reclaim(Collection<IdRange> ids);

    /**
     * Automatic reclamation, safe to run from several callers: frees identifiers of idle leases and expired
     * reservations, and returns cold, empty, unpinned chunks to the free pool.
     */
    SweepReport sweep();

    /** @throws UnknownAppException the application is not registered */
    AppStatus status(String appId);

    /** The whole pool, with fragmentation and contiguity. Scans every chunk entry: not for hot paths. */
    PoolStatus poolStatus();
}
