package io.sessiongrid.sni.internal;

import io.sessiongrid.sni.AppStatus;
import io.sessiongrid.sni.PoolStatus;
import io.sessiongrid.sni.SweepReport;
import io.sessiongrid.sni.sharding.PoolMetrics;
import io.sessiongrid.sni.sharding.RangeTemperature;
import io.sessiongrid.sni.sharding.Temperature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/** Status, pool metrics and the sweep: the paths that look at many chunks at once. */
final class Inspector {
    private final Grid grid;
    private final Allocator allocator;

    Inspector(Grid grid, Allocator allocator) {
        this.grid = grid;
        this.allocator = allocator;
    }

    AppStatus status(String appId) {
        AppRecord rec;
        Map<Integer, Chunk> chunks;
        try {
            rec = allocator.refresh(appId);
            chunks = grid.chunks.getAll(new HashSet<>(Arrays.stream(rec.chunks()).boxed().toList()));
        } catch (RuntimeException e) {
            throw grid.translate(e, "status(" + appId + ")");
        }
        long now = grid.now();
        RangeTemperature temperature = RangeTemperature.forIdleTimeout(grid.config.idleTimeout());
        String[] owners = new String[grid.chunkCount];
        long[] held = new long[grid.chunkCount];
        int owned = 0;
        int hot = 0;
        int cold = 0;
        long leased = 0;
        long reserved = 0;
        long free = 0;
        for (Chunk c : chunks.values()) {
            if (!appId.equals(c.owner())) {
                continue;
            }
            owned++;
            owners[c.index()] = appId;
            held[c.index()] = c.held();
            leased += c.held(Chunk.LEASED);
            reserved += c.held(Chunk.RESERVED);
            free += grid.chunkSize - c.held();
            Temperature t = temperature.classify(c.lastActivity(), now);
            hot += t == Temperature.HOT ? 1 : 0;
            cold += t == Temperature.COLD ? 1 : 0;
        }
        return new AppStatus(appId, rec.priority(), owned, leased, reserved, free, rec.reservations().length,
                PoolMetrics.ranges(owners, appId), PoolMetrics.contiguity(owners, held, appId), hot, cold);
    }

    PoolStatus poolStatus() {
        List<Chunk> all;
        try {
            all = new ArrayList<>(grid.chunks.values());
        } catch (RuntimeException e) {
            throw grid.translate(e, "poolStatus");
        }
        long now = grid.now();
        RangeTemperature temperature = RangeTemperature.forIdleTimeout(grid.config.idleTimeout());
        String[] owners = new String[grid.chunkCount];
        long[] held = new long[grid.chunkCount];
        long leased = 0;
        long reserved = 0;
        int[] temps = new int[3];
        Set<String> apps = new HashSet<>();
        int ownedChunks = 0;
        for (Chunk c : all) {
            if (c.owner() == null) {
                continue;
            }
            ownedChunks++;
            apps.add(c.owner());
            owners[c.index()] = c.owner();
            held[c.index()] = c.held();
            leased += c.held(Chunk.LEASED);
            reserved += c.held(Chunk.RESERVED);
            temps[temperature.classify(c.lastActivity(), now).ordinal()]++;
        }
        return new PoolStatus(grid.totalIds, grid.chunkSize, grid.chunkCount, grid.chunkCount - ownedChunks, leased,
                reserved, grid.totalIds - leased - reserved, apps.size(), temps[0], temps[1], temps[2],
                PoolMetrics.fragmentation(owners), PoolMetrics.contiguity(owners, held));
    }

    SweepReport sweep() {
        long now = grid.now();
        long reclaimed = 0;
        long expired = 0;
        int expiredReservations = 0;
        Map<String, List<Integer>> returned = new HashMap<>();
        try {
            Map<Integer, ChunkOutcome.Swept> results = grid.chunks.executeOnEntries(
                    new ChunkProcessors.Sweep(grid.chunkSize, now, grid.idleMillis()));
            for (Map.Entry<Integer, ChunkOutcome.Swept> e : results.entrySet()) {
                ChunkOutcome.Swept r = e.getValue();
                reclaimed += r.idleFreed();
                expired += r.expiredFreed();
                if (r.returnedToPool() && r.owner() != null) {
                    returned.computeIfAbsent(r.owner(), k -> new ArrayList<>()).add(e.getKey());
                }
            }
            markOpen(results, r -> r.returnedToPool() ? 0 : r.idleFreed() + r.expiredFreed());
            int[] all = returned.values().stream().flatMap(List::stream).mapToInt(Integer::intValue).toArray();
            if (all.length > 0) {
                grid.pool.executeOnKey(PoolDirectory.KEY, new DirectoryProcessors.Mark(all, false));
            }
            returned.forEach((app, chunks) -> allocator.remember(grid.apps.executeOnKey(app, new AppProcessors.Chunks(
                    AppProcessors.NO_INTS, chunks.stream().mapToInt(Integer::intValue).toArray(),
                    AppProcessors.NO_INTS, AppProcessors.NO_INTS))));
            Map<Long, ReservationRecord> ended = grid.reservations.executeOnEntries(
                    new ReservationProcessors.End(ReservationRecord.EXPIRED, now, true, null));
            for (ReservationRecord r : ended.values()) {
                if (r != null && r.state() == ReservationRecord.ACTIVE && now >= r.expiresAt()) {
                    expiredReservations++;
                    allocator.remember(grid.apps.executeOnKey(r.appId(),
                            new AppProcessors.Reservations(r.id(), false, AppProcessors.NO_INTS)));
                }
            }
        } catch (RuntimeException e) {
            throw grid.translate(e, "sweep");
        }
        return new SweepReport(reclaimed, expired, returned.values().stream().mapToInt(List::size).sum(),
                expiredReservations);
    }

    /**
     * Tells owners that chunks where identifiers were freed have room again (a hint: one call per owner, failures are
     * harmless). {@code freed} extracts how many identifiers a result freed.
     */
    <R extends ChunkOutcome> void markOpen(Map<Integer, R> results, ToLongFunction<R> freed) {
        Map<String, List<Integer>> open = new HashMap<>();
        results.forEach((chunk, r) -> {
            if (r.owner() != null && freed.applyAsLong(r) > 0) {
                open.computeIfAbsent(r.owner(), k -> new ArrayList<>()).add(chunk);
            }
        });
        open.forEach((app, chunks) -> {
            try {
                allocator.remember(grid.apps.executeOnKey(app, new AppProcessors.Chunks(AppProcessors.NO_INTS,
                        AppProcessors.NO_INTS, AppProcessors.NO_INTS,
                        chunks.stream().mapToInt(Integer::intValue).toArray())));
            } catch (RuntimeException ignored) {
                grid.appHints.remove(app);
            }
        });
    }
}
