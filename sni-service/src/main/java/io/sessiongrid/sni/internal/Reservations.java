package io.sessiongrid.sni.internal;

import io.sessiongrid.sni.IdRange;
import io.sessiongrid.sni.Reservation;
import io.sessiongrid.sni.ReservationHeldElsewhereException;
import io.sessiongrid.sni.ReservationKind;
import io.sessiongrid.sni.UnknownReservationException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reserve, extend and release. A shadow reservation's identifiers are reserved in the grid for the reservation and
 * added to this instance's {@link ShadowPool}; only this instance (its {@code tag}) extends or releases it early,
 * because only it knows which of them it already handed out. Others get a {@link ReservationHeldElsewhereException}
 * and the reservation ends at its expiry.
 */
final class Reservations {
    private final Grid grid;
    private final Allocator allocator;
    private final ShadowPool pool;
    private final Handovers handovers;
    private final String tag;

    private final LeaseIds leaseIds;

    Reservations(Grid grid, Allocator allocator, ShadowPool pool, Handovers handovers, LeaseIds leaseIds, String tag) {
        this.grid = grid;
        this.leaseIds = leaseIds;
        this.allocator = allocator;
        this.pool = pool;
        this.handovers = handovers;
        this.tag = tag;
    }

    /**
     * Local hand-outs stop this long before a shadow reservation expires, so that hand-overs still in flight land
     * before a sweep may free the identifiers: a tenth of the TTL, at most 5 minutes.
     */
    static long handoutMargin(long ttlMillis) {
        return Math.min(ttlMillis / 10, Duration.ofMinutes(5).toMillis());
    }

    Reservation reserve(String appId, int count, Duration ttl, ReservationKind kind) {
        allocator.app(appId);
        long id = grid.ids.newId();
        long now = grid.now();
        long expiresAt = now + ttl.toMillis();
        boolean shadow = kind == ReservationKind.SHADOW;
        List<Integer> used = new ArrayList<>();
        List<IdRange> ranges;
        try {
            // The record first: a crash after it leaves identifiers that expire with it, never orphans.
            grid.reservations.set(id, new ReservationRecord(id, appId, (byte) kind.ordinal(), count,
                    AppProcessors.NO_INTS, now, expiresAt, ReservationRecord.ACTIVE, shadow ? tag : null));
            ranges = shadow ? allocator.reserveShadow(appId, id, count, now, expiresAt, used)
                    : allocator.reserveRange(appId, count, now, expiresAt, used);
            int[] chunks = used.stream().mapToInt(Integer::intValue).toArray();
            grid.reservations.executeOnKey(id, new ReservationProcessors.SetChunks(chunks));
            allocator.remember(grid.apps.executeOnKey(appId, new AppProcessors.Reservations(id, true,
                    shadow ? chunks : AppProcessors.NO_INTS)));
        } catch (RuntimeException e) {
            try {
                grid.reservations.executeOnKey(id,
                        new ReservationProcessors.End(ReservationRecord.RELEASED, now, false, tag));
            } catch (RuntimeException ignored) {
                // The record expires by itself.
            }
            // A failure after the walk (recording its chunks) leaves what it reserved or pinned: give it back.
            allocator.undoReservation(appId, id, shadow, used, now, expiresAt);
            throw grid.translate(e, "reserve(" + appId + ", " + count + ")");
        }
        if (shadow) {
            pool.add(appId, id, ranges, expiresAt - handoutMargin(ttl.toMillis()));
            leaseIds.refill();
        }
        return new Reservation(id, appId, kind, count, ranges, Instant.ofEpochMilli(expiresAt));
    }

    Reservation extend(Reservation reservation, Duration ttl) {
        long now = grid.now();
        long expiresAt = now + ttl.toMillis();
        boolean local = pool.holds(reservation.appId(), reservation.id());
        if (local) {
            // Never hand out past the new expiry, even while the grid still has the old one.
            pool.handOutUntil(reservation.appId(), reservation.id(),
                    Math.min(expiresAt, reservation.expiresAt().toEpochMilli()) - handoutMargin(ttl.toMillis()));
        }
        try {
            handovers.drain();
            ReservationRecord r = grid.reservations.executeOnKey(reservation.id(),
                    new ReservationProcessors.Extend(now, expiresAt, tag));
            if (r == null) {
                throw new UnknownReservationException(reservation.id(), "is unknown", grid.figures());
            }
            if (!r.mayChange(tag)) {
                throw new ReservationHeldElsewhereException(r.id(), "extended", grid.figures());
            }
            if (r.state() != ReservationRecord.ACTIVE || r.expiresAt() != expiresAt) {
                pool.remove(r.appId(), r.id());
                throw new UnknownReservationException(reservation.id(), "has ended (released or expired) and "
                        + "cannot be extended; reserve again", grid.figures());
            }
            Set<Integer> keys = keys(r.chunks());
            List<IdRange> ranges = new ArrayList<>();
            if (!keys.isEmpty() && r.kind() == 0) {
                grid.chunks.executeOnKeys(keys, new ChunkProcessors.Extend(r.id(), grid.chunkSize, expiresAt))
                        .forEach((chunk, res) -> ranges.addAll(Ranges.toIds(chunk, grid.chunkSize, res.starts(),
                                res.lengths())));
                if (local) {
                    pool.handOutUntil(r.appId(), r.id(), expiresAt - handoutMargin(ttl.toMillis()));
                }
            } else if (!keys.isEmpty()) {
                grid.chunks.executeOnKeys(keys, new ChunkProcessors.Pin(r.appId(), grid.chunkSize, now, expiresAt, 0));
                ranges.addAll(reservation.ranges());
            }
            return new Reservation(r.id(), r.appId(), reservation.kind(), r.count(), Ranges.merge(ranges),
                    Instant.ofEpochMilli(expiresAt));
        } catch (RuntimeException e) {
            throw grid.translate(e, "extend(" + reservation.id() + ")");
        }
    }

    int release(Reservation reservation) {
        long now = grid.now();
        try {
            ReservationRecord current = grid.reservations.get(reservation.id());
            if (current == null) {
                throw new UnknownReservationException(reservation.id(), "is unknown", grid.figures());
            }
            if (current.state() == ReservationRecord.ACTIVE && !current.mayChange(tag)) {
                throw new ReservationHeldElsewhereException(current.id(), "released", grid.figures());
            }
            // Stop handing out first, then let the hand-overs in flight land: what is still reserved afterwards was
            // never handed out.
            pool.remove(current.appId(), current.id());
            handovers.drain();
            ReservationRecord before = grid.reservations.executeOnKey(reservation.id(),
                    new ReservationProcessors.End(ReservationRecord.RELEASED, now, false, tag));
            if (before == null || before.state() != ReservationRecord.ACTIVE) {
                return 0;
            }
            int freed = 0;
            Set<Integer> keys = keys(before.chunks());
            if (!keys.isEmpty() && before.kind() == 0) {
                for (ChunkOutcome.Freed r : grid.chunks.executeOnKeys(keys, new ChunkProcessors.ReleaseHolder(
                        before.id(), Chunk.RESERVED, grid.chunkSize, now)).values()) {
                    freed += r.freed();
                }
            } else if (!keys.isEmpty()) {
                grid.chunks.executeOnKeys(keys, new ChunkProcessors.Pin(before.appId(), grid.chunkSize, now, 0,
                        before.expiresAt()));
            }
            allocator.remember(grid.apps.executeOnKey(before.appId(),
                    new AppProcessors.Reservations(before.id(), false, AppProcessors.NO_INTS)));
            return freed;
        } catch (RuntimeException e) {
            throw grid.translate(e, "releaseReservation(" + reservation.id() + ")");
        }
    }

    private static Set<Integer> keys(int[] chunks) {
        Set<Integer> keys = new HashSet<>();
        for (int c : chunks) {
            keys.add(c);
        }
        return keys;
    }
}
