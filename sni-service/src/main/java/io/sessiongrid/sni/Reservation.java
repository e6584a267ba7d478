package io.sessiongrid.sni;

import java.time.Instant;
import java.util.List;

/**
 * Identifiers (or ranges) held for an application's predicted growth, until {@code expiresAt}.
 *
 * @param id        cluster-unique reservation id
 * @param appId     the application cluster
 * @param kind      shadow (identifiers pre-allocated) or range (chunks pinned)
 * @param count     how many identifiers were asked for
 * @param ranges    for {@link ReservationKind#SHADOW}: the identifiers still reserved (allocations consume them);
 *                  for {@link ReservationKind#RANGE}: the pinned chunks' identifier ranges
 * @param expiresAt when the reservation lapses unless extended
 */
public record Reservation(long id, String appId, ReservationKind kind, int count, List<IdRange> ranges,
                          Instant expiresAt) {
    public Reservation {
        ranges = List.copyOf(ranges);
    }

    /** How many identifiers the ranges cover. */
    public int held() {
        return ranges.stream().mapToInt(IdRange::length).sum();
    }
}
