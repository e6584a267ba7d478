package io.sessiongrid.sni.internal;

import com.hazelcast.map.EntryProcessor;
import io.sessiongrid.sni.reclaim.ReclaimPolicy;
import io.sessiongrid.sni.sharding.RangeTemperature;

import java.time.Duration;
import java.util.Map;

/**
 * The entry processors on {@code <ns>.chunks}, the only writers of chunk entries. Each is a record with an explicit
 * Compact serializer ({@link ProcessorSerializers}; Hazelcast prefers it over Java serialization, so no SNI class
 * needs the Java deserialization allowlist), deterministic (the caller passes the time) so that the backup replays it
 * to the same state, and writes the entry only when it changed.
 */
final class ChunkProcessors {
    private ChunkProcessors() {
    }

    private static <R extends ChunkOutcome> R write(Map.Entry<Integer, Chunk> entry, ChunkEditor editor, R result) {
        if (editor.changed()) {
            entry.setValue(editor.close());
        }
        return result;
    }

    private static ChunkEditor open(Map.Entry<Integer, Chunk> entry, int size) {
        return ChunkEditor.open(entry.getValue(), entry.getKey(), size);
    }

    /** Takes a free chunk for an application. */
    record Claim(String app, int size, long now, long pinUntil)
            implements EntryProcessor<Integer, Chunk, ChunkOutcome.Claimed> {
        @Override
        public ChunkOutcome.Claimed process(Map.Entry<Integer, Chunk> entry) {
            ChunkEditor e = open(entry, size);
            boolean claimed = e.claim(app, now, pinUntil);
            return write(entry, e, new ChunkOutcome.Claimed(claimed, e.owner()));
        }
    }

    /**
     * Allocates up to {@code count} free identifiers of the owning application to a lease. Reserved identifiers are
     * never taken: they belong to the pool of the service instance that made the reservation, which hands them out
     * itself ({@link Heartbeat} records that).
     */
    record Allocate(String app, long lease, int count, int size, long now)
            implements EntryProcessor<Integer, Chunk, ChunkOutcome.Runs> {
        @Override
        public ChunkOutcome.Runs process(Map.Entry<Integer, Chunk> entry) {
            ChunkEditor e = open(entry, size);
            if (!e.ownedBy(app)) {
                return ChunkOutcome.Runs.notOwner(e);
            }
            Ranges granted = e.allocate(lease, count, now, false, new int[1]);
            return write(entry, e, ChunkOutcome.Runs.of(e, granted));
        }
    }

    /** Pre-allocates up to {@code count} free identifiers of the owning application to a shadow reservation. */
    record Reserve(String app, long reservation, int count, int size, long now, long expiresAt)
            implements EntryProcessor<Integer, Chunk, ChunkOutcome.Runs> {
        @Override
        public ChunkOutcome.Runs process(Map.Entry<Integer, Chunk> entry) {
            ChunkEditor e = open(entry, size);
            if (!e.ownedBy(app)) {
                return ChunkOutcome.Runs.notOwner(e);
            }
            return write(entry, e, ChunkOutcome.Runs.of(e, e.reserve(reservation, count, expiresAt, now)));
        }
    }

    /** Pins (or unpins) an owned chunk for a range reservation; {@code free} tells its spare capacity. */
    record Pin(String app, int size, long now, long until, long unpinIf)
            implements EntryProcessor<Integer, Chunk, ChunkOutcome.Runs> {
        @Override
        public ChunkOutcome.Runs process(Map.Entry<Integer, Chunk> entry) {
            ChunkEditor e = open(entry, size);
            if (!e.ownedBy(app)) {
                return ChunkOutcome.Runs.notOwner(e);
            }
            e.pin(until, unpinIf, now);
            return write(entry, e, ChunkOutcome.Runs.none(e));
        }
    }

    /** Frees leased identifiers given as flattened (offset, length) pairs per chunk. */
    record Release(Map<Integer, int[]> parts, int size, long now)
            implements EntryProcessor<Integer, Chunk, ChunkOutcome.Released> {
        @Override
        public ChunkOutcome.Released process(Map.Entry<Integer, Chunk> entry) {
            int[] mine = parts.get(entry.getKey());
            ChunkEditor e = open(entry, size);
            long[] counts = new long[3];
            for (int i = 0; mine != null && i < mine.length; i += 2) {
                e.release(mine[i], mine[i + 1], now, counts);
            }
            return write(entry, e, new ChunkOutcome.Released(e.owner(), (int) counts[0], (int) counts[1],
                    (int) counts[2]));
        }
    }

    /**
     * Refreshes a lease's heartbeat; first completes the hand-over of identifiers in {@code parts} (flattened
     * (offset, length) pairs per chunk) still reserved by one of {@code handedFrom}. With empty {@code handedFrom}
     * it is a plain heartbeat and {@code parts} is empty.
     */
    record Heartbeat(long lease, long[] handedFrom, Map<Integer, int[]> parts, int size, long now)
            implements EntryProcessor<Integer, Chunk, ChunkOutcome.Beat> {
        @Override
        public ChunkOutcome.Beat process(Map.Entry<Integer, Chunk> entry) {
            if (entry.getValue() == null) {
                return new ChunkOutcome.Beat(null, 0, 0);
            }
            ChunkEditor e = open(entry, size);
            int adopted = 0;
            int[] mine = handedFrom.length == 0 ? null : parts.get(entry.getKey());
            for (int i = 0; mine != null && i < mine.length; i += 2) {
                adopted += e.adopt(lease, handedFrom, mine[i], mine[i + 1], now);
            }
            int live = e.heartbeat(lease, now);
            return write(entry, e, new ChunkOutcome.Beat(e.owner(), live, adopted));
        }
    }

    /** Frees what a holder (lease or reservation) holds. Used for rollback and release. */
    record ReleaseHolder(long holder, byte kind, int size, long now)
            implements EntryProcessor<Integer, Chunk, ChunkOutcome.Freed> {
        @Override
        public ChunkOutcome.Freed process(Map.Entry<Integer, Chunk> entry) {
            if (entry.getValue() == null) {
                return new ChunkOutcome.Freed(null, 0);
            }
            ChunkEditor e = open(entry, size);
            int freed = e.releaseHolder(holder, kind);
            return write(entry, e, new ChunkOutcome.Freed(e.owner(), freed));
        }
    }

    /** Moves a shadow reservation's expiry; returns the identifiers it still holds here. */
    record Extend(long reservation, int size, long expiresAt)
            implements EntryProcessor<Integer, Chunk, ChunkOutcome.Runs> {
        @Override
        public ChunkOutcome.Runs process(Map.Entry<Integer, Chunk> entry) {
            ChunkEditor e = open(entry, size);
            return write(entry, e, ChunkOutcome.Runs.of(e, e.extend(reservation, expiresAt)));
        }
    }

    /** Manual reclamation with graceful verification; runs carry 0 (reclaimed) or refusal reason + 1. */
    record Reclaim(Map<Integer, int[]> parts, int size, long now, long idleMillis)
            implements EntryProcessor<Integer, Chunk, ChunkOutcome.Runs> {
        @Override
        public ChunkOutcome.Runs process(Map.Entry<Integer, Chunk> entry) {
            int[] mine = parts.get(entry.getKey());
            ChunkEditor e = open(entry, size);
            ReclaimPolicy policy = new ReclaimPolicy(Duration.ofMillis(idleMillis));
            Ranges out = new Ranges();
            for (int i = 0; mine != null && i < mine.length; i += 2) {
                e.reclaim(mine[i], mine[i + 1], policy, now, out);
            }
            return write(entry, e, ChunkOutcome.Runs.of(e, out));
        }
    }

    /** The automatic sweep over every chunk. */
    record Sweep(int size, long now, long idleMillis) implements EntryProcessor<Integer, Chunk, ChunkOutcome.Swept> {
        @Override
        public ChunkOutcome.Swept process(Map.Entry<Integer, Chunk> entry) {
            ChunkEditor e = open(entry, size);
            String ownerBefore = e.owner();
            long[] counts = new long[2];
            Duration idle = Duration.ofMillis(idleMillis);
            boolean returned = e.sweep(new ReclaimPolicy(idle), RangeTemperature.forIdleTimeout(idle), now, counts);
            return write(entry, e, new ChunkOutcome.Swept(ownerBefore, (int) counts[0], (int) counts[1], returned));
        }
    }
}
