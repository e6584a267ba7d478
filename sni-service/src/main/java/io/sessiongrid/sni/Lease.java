package io.sessiongrid.sni;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The handle of one allocation: its holder keeps the identifiers alive with {@link SniService#heartbeat(Lease)}.
 * An identifier whose lease misses heartbeats for the configured idle timeout may be reclaimed.
 *
 * <p>A lease served from the shadow reservations of the service instance that granted it (no grid call on the
 * request path) names those reservations in {@code handedFrom}: the grid records the hand-over moments later, and any
 * heartbeat of the lease, from any instance, completes it if that instance could not (for example because its process
 * died). The grid accepts the hand-over only for identifiers the named reservations still hold.
 *
 * @param id         cluster-unique lease id
 * @param appId      the application cluster that holds the identifiers
 * @param ranges     the identifiers, in ascending order
 * @param grantedAt  when the allocation was granted
 * @param handedFrom shadow reservations some identifiers were handed out from locally; empty when the grid recorded
 *                   the whole allocation before it returned
 */
public record Lease(long id, String appId, List<IdRange> ranges, Instant grantedAt, List<Long> handedFrom) {
    public Lease {
        ranges = List.copyOf(ranges);
        handedFrom = List.copyOf(handedFrom);
    }

    /** A lease recorded in the grid at allocation. */
    public Lease(long id, String appId, List<IdRange> ranges, Instant grantedAt) {
        this(id, appId, ranges, grantedAt, List.of());
    }

    /** How many identifiers the lease holds. */
    public int size() {
        return ranges.stream().mapToInt(IdRange::length).sum();
    }

    public LongStream ids() {
        return ranges.stream().flatMapToLong(IdRange::ids);
    }
}
