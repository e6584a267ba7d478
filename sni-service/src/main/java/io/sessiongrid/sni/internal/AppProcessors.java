package io.sessiongrid.sni.internal;

import com.hazelcast.map.EntryProcessor;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/** Entry processors on {@code <ns>.apps}; each returns the record after the change ({@code null} if unregistered). */
final class AppProcessors {
    private AppProcessors() {
    }

    static final int[] NO_INTS = new int[0];
    static final long[] NO_LONGS = new long[0];

    /** Registers the application, or updates its priority. */
    record Register(String appId, int priority, long now) implements EntryProcessor<String, AppRecord, AppRecord> {
        @Override
        public AppRecord process(Map.Entry<String, AppRecord> entry) {
            AppRecord a = entry.getValue();
            AppRecord next = a == null ? new AppRecord(appId, priority, now, NO_INTS, NO_INTS, NO_INTS, NO_LONGS)
                    : new AppRecord(a.appId(), priority, a.registeredAt(), a.chunks(), a.full(), a.reservedChunks(),
                    a.reservations());
            entry.setValue(next);
            return next;
        }
    }

    /**
     * Records chunk changes: {@code added} chunks it took, {@code removed} chunks it lost, {@code nowFull} /
     * {@code nowOpen} fill-state changes.
     */
    record Chunks(int[] added, int[] removed, int[] nowFull, int[] nowOpen)
            implements EntryProcessor<String, AppRecord, AppRecord> {
        @Override
        public AppRecord process(Map.Entry<String, AppRecord> entry) {
            AppRecord a = entry.getValue();
            if (a == null) {
                return null;
            }
            int[] chunks = minus(union(a.chunks(), added), removed);
            int[] full = minus(minus(union(a.full(), nowFull), nowOpen), removed);
            int[] reserved = minus(a.reservedChunks(), removed);
            AppRecord next = new AppRecord(a.appId(), a.priority(), a.registeredAt(), chunks, full, reserved,
                    a.reservations());
            entry.setValue(next);
            return next;
        }
    }

    /** Adds a reservation ({@code add}) or removes one, with the chunks holding its shadow identifiers. */
    record Reservations(long reservation, boolean add, int[] shadowChunks)
            implements EntryProcessor<String, AppRecord, AppRecord> {
        @Override
        public AppRecord process(Map.Entry<String, AppRecord> entry) {
            AppRecord a = entry.getValue();
            if (a == null) {
                return null;
            }
            long[] ids = add ? LongStream.concat(LongStream.of(a.reservations()), LongStream.of(reservation))
                    .distinct().toArray()
                    : LongStream.of(a.reservations()).filter(id -> id != reservation).toArray();
            int[] reserved = add ? union(a.reservedChunks(), shadowChunks) : a.reservedChunks();
            if (!add && ids.length == 0) {
                reserved = NO_INTS;
            }
            AppRecord next = new AppRecord(a.appId(), a.priority(), a.registeredAt(), a.chunks(), a.full(), reserved,
                    ids);
            entry.setValue(next);
            return next;
        }
    }

    /** Keeps order, adds missing. */
    static int[] union(int[] base, int[] extra) {
        if (extra.length == 0) {
            return base;
        }
        IntStream more = Arrays.stream(extra).filter(x -> Arrays.stream(base).noneMatch(y -> y == x)).distinct();
        return IntStream.concat(Arrays.stream(base), more).toArray();
    }

    static int[] minus(int[] base, int[] drop) {
        if (drop.length == 0) {
            return base;
        }
        return Arrays.stream(base).filter(x -> Arrays.stream(drop).noneMatch(y -> y == x)).toArray();
    }
}
