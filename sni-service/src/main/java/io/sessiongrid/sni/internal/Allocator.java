package io.sessiongrid.sni.internal;

import io.sessiongrid.sni.Allocation;
import io.sessiongrid.sni.IdRange;
import io.sessiongrid.sni.Lease;
import io.sessiongrid.sni.PoolExhaustedException;
import io.sessiongrid.sni.UnknownAppException;
import io.sessiongrid.sni.sharding.ChunkPlacement;
import io.sessiongrid.sni.sharding.ShardingMode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The grid allocation paths: allocations and shadow reservations walk the application's chunks with one entry
 * processor per chunk, and take new chunks from the pool when those are not enough. All or nothing:
 * a call that cannot finish gives back what it took.
 */
final class Allocator {
    private final Grid grid;
    /** Candidate chunk order per application, derived from the last application record seen. */
    private final java.util.concurrent.ConcurrentMap<String, Candidates> candidateCache =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record Candidates(AppRecord record, int[] chunks) {
    }

    Allocator(Grid grid) {
        this.grid = grid;
    }

    /** The application's record: the cached hint, else read from the grid. */
    AppRecord app(String appId) {
        AppRecord hint = grid.appHints.get(appId);
        return hint != null ? hint : refresh(appId);
    }

    AppRecord refresh(String appId) {
        AppRecord fresh = grid.apps.get(appId);
        if (fresh == null) {
            throw new UnknownAppException(appId, grid.figures());
        }
        grid.appHints.put(appId, fresh);
        return fresh;
    }

    void remember(AppRecord rec) {
        if (rec != null) {
            grid.appHints.put(rec.appId(), rec);
        }
    }

    Allocation allocate(String appId, int count) {
        long lease = grid.ids.newId();
        long now = grid.now();
        Walk walk = allocate(appId, count, lease, now);
        Lease granted = new Lease(lease, appId, Ranges.merge(walk.got), Instant.ofEpochMilli(now));
        return new Allocation(granted, 0, walk.acquired);
    }

    /**
     * Allocates {@code count} free identifiers of the application's chunks (taking new chunks as needed) to lease
     * {@code lease}, all or nothing; the returned walk tells what it got.
     */
    Walk allocate(String appId, int count, long lease, long now) {
        AppRecord rec = app(appId);
        Walk walk = new Walk(appId, count);
        try {
            walk.run(rec, now, chunk -> grid.chunks.executeOnKey(chunk,
                    new ChunkProcessors.Allocate(appId, lease, walk.remaining, grid.chunkSize, now)), 0);
        } catch (RuntimeException e) {
            rollback(walk.touched, new ChunkProcessors.ReleaseHolder(lease, Chunk.LEASED, grid.chunkSize, now));
            throw grid.translate(e, "allocate(" + appId + ", " + count + ")");
        }
        walk.updateHints();
        return walk;
    }

    /** Pre-allocates {@code count} identifiers to reservation {@code id}; returns the chunks used and the ranges. */
    List<IdRange> reserveShadow(String appId, long id, int count, long now, long expiresAt, List<Integer> used) {
        AppRecord rec = app(appId);
        Walk walk = new Walk(appId, count);
        walk.shadow = true;
        try {
            walk.run(rec, now, chunk -> grid.chunks.executeOnKey(chunk,
                    new ChunkProcessors.Reserve(appId, id, walk.remaining, grid.chunkSize, now, expiresAt)), 0);
        } catch (RuntimeException e) {
            rollback(walk.touched, new ChunkProcessors.ReleaseHolder(id, Chunk.RESERVED, grid.chunkSize, now));
            throw grid.translate(e, "reserve(" + appId + ", " + count + ")");
        }
        used.addAll(walk.contributing);
        return Ranges.merge(walk.got);
    }

    /** Pins owned chunks, and takes new ones, until their free capacity covers {@code count}. */
    List<IdRange> reserveRange(String appId, int count, long now, long expiresAt, List<Integer> used) {
        AppRecord rec = app(appId);
        Walk walk = new Walk(appId, count);
        walk.pinUntil = expiresAt;
        try {
            walk.run(rec, now, chunk -> {
                ChunkOutcome.Runs r = grid.chunks.executeOnKey(chunk,
                        new ChunkProcessors.Pin(appId, grid.chunkSize, now, expiresAt, 0));
                // Capacity counts as "granted": report the chunk's free offsets as one pseudo-run.
                return r.status() != ChunkOutcome.Status.OK || r.free() == 0 ? r
                        : new ChunkOutcome.Runs(r.status(), r.owner(), r.free(), new int[] {0},
                        new int[] {Math.min(r.free(), walk.remaining)}, new byte[1]);
            }, expiresAt);
        } catch (RuntimeException e) {
            // The walk may have pinned owned chunks and claimed new ones pinned: unpin them (only where the pin is
            // still this reservation's), or they stay out of the pool until it would have expired.
            unpin(appId, walk.touched, now, expiresAt);
            throw grid.translate(e, "reserve(" + appId + ", " + count + ", RANGE)");
        }
        used.addAll(walk.contributing);
        // Full chunks the walk pinned on its way add nothing to the reservation: their pins go with it.
        Set<Integer> passed = new LinkedHashSet<>(walk.touched);
        passed.removeAll(walk.contributing);
        unpin(appId, passed, now, expiresAt);
        List<IdRange> ranges = new ArrayList<>();
        for (int chunk : walk.contributing) {
            ranges.add(new IdRange((long) chunk * grid.chunkSize, grid.chunkSize));
        }
        return Ranges.merge(ranges);
    }

    /**
     * Undoes what a reservation that failed after its walk put on {@code chunks}: a shadow one's reserved
     * identifiers, a range one's pins. Best effort, as {@link #rollback}.
     */
    void undoReservation(String appId, long id, boolean shadow, Collection<Integer> chunks, long now, long expiresAt) {
        if (shadow) {
            rollback(new LinkedHashSet<>(chunks), new ChunkProcessors.ReleaseHolder(id, Chunk.RESERVED, grid.chunkSize,
                    now));
        } else {
            unpin(appId, chunks, now, expiresAt);
        }
    }

    private void unpin(String appId, Collection<Integer> chunks, long now, long expiresAt) {
        if (chunks.isEmpty()) {
            return;
        }
        try {
            grid.chunks.executeOnKeys(new LinkedHashSet<>(chunks),
                    new ChunkProcessors.Pin(appId, grid.chunkSize, now, 0, expiresAt));
        } catch (RuntimeException ignored) {
            // Best effort: the pin ends at the reservation's expiry anyway.
        }
    }

    private void rollback(Set<Integer> touched, ChunkProcessors.ReleaseHolder undo) {
        if (touched.isEmpty()) {
            return;
        }
        try {
            grid.chunks.executeOnKeys(touched, undo);
        } catch (RuntimeException ignored) {
            // Best effort: what stays held belongs to a lease nobody heartbeats, and the sweep reclaims it.
        }
    }

    /** Takes a free chunk for the application and records it; returns the application's new record. */
    private AppRecord acquire(String appId, AppRecord rec, long now, long pinUntil, int requested) {
        for (int attempt = 0; attempt < 64; attempt++) {
            int[] range = currentRange(rec);
            Integer chunk = grid.pool.executeOnKey(PoolDirectory.KEY,
                    new DirectoryProcessors.Take(grid.options.sharding(), range[0], range[1]));
            if (chunk == null || chunk == ChunkPlacement.NONE) {
                throw new PoolExhaustedException(appId, requested, grid.figures());
            }
            ChunkOutcome.Claimed claim = grid.chunks.executeOnKey(chunk,
                    new ChunkProcessors.Claim(appId, grid.chunkSize, now, pinUntil));
            if (claim.claimed()) {
                AppRecord next = grid.apps.executeOnKey(appId,
                        new AppProcessors.Chunks(new int[] {chunk}, AppProcessors.NO_INTS, AppProcessors.NO_INTS,
                                AppProcessors.NO_INTS));
                remember(next);
                return next;
            }
            // Lost a race (the directory is a hint): the chunk stays marked taken; try the next one.
        }
        throw new PoolExhaustedException(appId, requested, grid.figures());
    }

    /** {lo, hi} of the run of the application's chunks around the one it took last; {-1, -1} without chunks. */
    private int[] currentRange(AppRecord rec) {
        if (grid.options.sharding() == ShardingMode.RANDOM || rec.chunks().length == 0) {
            return new int[] {-1, -1};
        }
        BitSet owned = new BitSet();
        Arrays.stream(rec.chunks()).forEach(owned::set);
        return ChunkPlacement.rangeAround(owned, rec.chunks()[rec.chunks().length - 1]);
    }

    /** One walk over an application's chunks that collects {@code count} identifiers (or capacity). */
    final class Walk {
        final String appId;
        final int count;
        int remaining;
        int acquired;
        boolean shadow;
        long pinUntil;
        final List<IdRange> got = new ArrayList<>();
        final Set<Integer> touched = new LinkedHashSet<>();
        final List<Integer> contributing = new ArrayList<>();
        final List<Integer> nowFull = new ArrayList<>();
        final List<Integer> lost = new ArrayList<>();

        Walk(String appId, int count) {
            this.appId = appId;
            this.count = count;
            this.remaining = count;
        }

        void run(AppRecord start, long now, Function<Integer, ChunkOutcome.Runs> step, long pin) {
            AppRecord rec = start;
            boolean refreshed = false;
            while (remaining > 0) {
                for (int chunk : candidates(rec)) {
                    if (remaining == 0) {
                        break;
                    }
                    if (touched.add(chunk)) {
                        take(chunk, step.apply(chunk));
                    }
                }
                if (remaining == 0) {
                    break;
                }
                if (!refreshed) {
                    // Other callers may have taken chunks for this application meanwhile.
                    refreshed = true;
                    AppRecord fresh = refresh(appId);
                    if (!Arrays.equals(fresh.chunks(), rec.chunks())) {
                        rec = fresh;
                        continue;
                    }
                }
                rec = acquire(appId, rec, now, pin, count);
                acquired++;
            }
        }

        private void take(int chunk, ChunkOutcome.Runs r) {
            if (r.status() == ChunkOutcome.Status.NOT_OWNER) {
                lost.add(chunk);
                return;
            }
            int n = r.total();
            if (n > 0) {
                got.addAll(Ranges.toIds(chunk, grid.chunkSize, r.starts(), r.lengths()));
                contributing.add(chunk);
                remaining -= n;
            }
            if (!shadow && pinUntil == 0 && r.free() == 0) {
                nowFull.add(chunk);
            }
        }

        /**
         * The application's chunks in the order it took them, skipping chunks known to be full. O(chunks of the
         * application), computed once per application record.
         */
        private int[] candidates(AppRecord rec) {
            Candidates cached = candidateCache.get(rec.appId());
            if (cached != null && cached.record == rec) {
                return cached.chunks;
            }
            BitSet skip = new BitSet();
            Arrays.stream(rec.full()).forEach(skip::set);
            int[] chunks = Arrays.stream(rec.chunks()).filter(c -> !skip.get(c)).distinct().toArray();
            candidateCache.put(rec.appId(), new Candidates(rec, chunks));
            return chunks;
        }

        void updateHints() {
            if (nowFull.isEmpty() && lost.isEmpty()) {
                return;
            }
            try {
                remember(grid.apps.executeOnKey(appId, new AppProcessors.Chunks(AppProcessors.NO_INTS,
                        lost.stream().mapToInt(Integer::intValue).toArray(),
                        nowFull.stream().mapToInt(Integer::intValue).toArray(), AppProcessors.NO_INTS)));
            } catch (RuntimeException ignored) {
                grid.appHints.remove(appId);
            }
        }
    }
}
