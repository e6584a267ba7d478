package io.sessiongrid.sni;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The handle of one allocation: its holder keeps the identifiers alive with {@link SniService#heartbeat(Lease)}.
 * An identifier whose lease misses heartbeats for the configured idle timeout may be reclaimed.
 *
 * @param id        cluster-unique lease id
 * @param appId     the application cluster that holds the identifiers
 * @param ranges    the identifiers, in ascending order
 * @param grantedAt when the allocation was granted
 */
public record Lease(long id, String appId, List<IdRange> ranges, Instant grantedAt) {
    public Lease {
        ranges = List.copyOf(ranges);
    }

    /** How many identifiers the lease holds. */
    public int size() {
        return ranges.stream().mapToInt(IdRange::length).sum();
    }

    public LongStream ids() {
        return ranges.stream().flatMapToLong(IdRange::ids);
    }
}
