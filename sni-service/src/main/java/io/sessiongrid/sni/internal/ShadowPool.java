package io.sessiongrid.sni.internal;

import io.sessiongrid.sni.IdRange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shadow reservations this service instance made, kept in memory so that {@code allocate} hands their
 * identifiers out without a grid call (the prefetch model of Hazelcast's FlakeIdGenerator). Pure: no Hazelcast, time
 * is an argument.
 *
 * <p>Safety rests on three facts, kept by the callers: (1) an identifier is added here only after the grid holds it
 * for the reservation ({@code RESERVED}, holder = reservation id), which only the instance that made the reservation
 * may consume or release early; (2) {@link #take} removes what it returns, so each identifier is handed out at most
 * once; (3) nothing is handed out at or after a segment's {@code handoutUntil}, which callers set a margin before the
 * reservation's expiry, after which a sweep may free the identifiers. O(segments of the application) per call.
 */
final class ShadowPool {
    private final Map<String, AppPool> apps = new ConcurrentHashMap<>();

    /** Identifiers taken from the pool for one lease, grouped by the reservation they came from. */
    record Taken(String appId, Map<Long, List<IdRange>> byReservation, int total) {
        List<IdRange> ranges() {
            List<IdRange> all = new ArrayList<>();
            byReservation.values().forEach(all::addAll);
            return Ranges.merge(all);
        }

        long[] reservations() {
            return byReservation.keySet().stream().mapToLong(Long::longValue).toArray();
        }
    }

    private static final class Segment {
        final long reservation;
        final Deque<IdRange> ranges;
        long handoutUntil;
        int remaining;

        Segment(long reservation, List<IdRange> ranges, long handoutUntil) {
            this.reservation = reservation;
            this.ranges = new ArrayDeque<>(ranges);
            this.handoutUntil = handoutUntil;
            this.remaining = ranges.stream().mapToInt(IdRange::length).sum();
        }
    }

    private static final class AppPool {
        final List<Segment> segments = new ArrayList<>();
    }

    /** Adds a shadow reservation's identifiers, handed out until {@code handoutUntil} (epoch millis). */
    void add(String appId, long reservation, List<IdRange> ranges, long handoutUntil) {
        if (ranges.isEmpty()) {
            return;
        }
        AppPool pool = apps.computeIfAbsent(appId, k -> new AppPool());
        synchronized (pool) {
            pool.segments.add(new Segment(reservation, ranges, handoutUntil));
        }
    }

    /**
     * Takes up to {@code count} identifiers of live segments, oldest segment first, lowest identifiers first; drops
     * segments past their hand-out time. Returns {@code null} when nothing could be taken.
     */
    Taken take(String appId, int count, long now) {
        AppPool pool = apps.get(appId);
        if (pool == null) {
            return null;
        }
        Map<Long, List<IdRange>> out = new LinkedHashMap<>(4);
        int got = 0;
        synchronized (pool) {
            Iterator<Segment> it = pool.segments.iterator();
            while (it.hasNext() && got < count) {
                Segment s = it.next();
                if (now >= s.handoutUntil) {
                    it.remove();
                    continue;
                }
                if (s.remaining == 0) {
                    // Kept until released or past its deadline, so that a failed allocation can give back to it.
                    continue;
                }
                List<IdRange> mine = out.computeIfAbsent(s.reservation, k -> new ArrayList<>(2));
                while (got < count && !s.ranges.isEmpty()) {
                    IdRange head = s.ranges.pollFirst();
                    int n = Math.min(count - got, head.length());
                    mine.add(new IdRange(head.first(), n));
                    if (n < head.length()) {
                        s.ranges.addFirst(new IdRange(head.first() + n, head.length() - n));
                    }
                    s.remaining -= n;
                    got += n;
                }
            }
        }
        return got == 0 ? null : new Taken(appId, out, got);
    }

    /**
     * Puts back what {@link #take} returned when the allocation failed before anything was recorded in the grid.
     * Identifiers of a segment that was dropped or removed meanwhile are not put back (they stay reserved in the grid
     * until the reservation is released or expires).
     */
    void giveBack(Taken taken) {
        AppPool pool = apps.get(taken.appId());
        if (pool == null) {
            return;
        }
        synchronized (pool) {
            taken.byReservation().forEach((reservation, ranges) -> {
                for (Segment s : pool.segments) {
                    if (s.reservation == reservation) {
                        for (int i = ranges.size() - 1; i >= 0; i--) {
                            s.ranges.addFirst(ranges.get(i));
                            s.remaining += ranges.get(i).length();
                        }
                        return;
                    }
                }
            });
        }
    }

    /** Stops handing out a reservation's identifiers; returns whether it was here. */
    boolean remove(String appId, long reservation) {
        AppPool pool = apps.get(appId);
        if (pool == null) {
            return false;
        }
        synchronized (pool) {
            return pool.segments.removeIf(s -> s.reservation == reservation);
        }
    }

    /** Sets a reservation's hand-out deadline (after an extension). */
    void handOutUntil(String appId, long reservation, long handoutUntil) {
        AppPool pool = apps.get(appId);
        if (pool == null) {
            return;
        }
        synchronized (pool) {
            for (Segment s : pool.segments) {
                if (s.reservation == reservation) {
                    s.handoutUntil = handoutUntil;
                }
            }
        }
    }

    /** Identifiers ready to hand out for the application now. */
    int available(String appId, long now) {
        AppPool pool = apps.get(appId);
        if (pool == null) {
            return 0;
        }
        synchronized (pool) {
            return pool.segments.stream().filter(s -> now < s.handoutUntil).mapToInt(s -> s.remaining).sum();
        }
    }

    /** Whether this instance holds the reservation in its pool. */
    boolean holds(String appId, long reservation) {
        AppPool pool = apps.get(appId);
        if (pool == null) {
            return false;
        }
        synchronized (pool) {
            return pool.segments.stream().anyMatch(s -> s.reservation == reservation);
        }
    }
}
