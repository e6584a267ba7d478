package io.sessiongrid.sni.internal;

import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.SniConfig;
import io.sessiongrid.sni.Allocation;
import io.sessiongrid.sni.AppStatus;
import io.sessiongrid.sni.IdRange;
import io.sessiongrid.sni.InvalidCountException;
import io.sessiongrid.sni.Lease;
import io.sessiongrid.sni.LeaseStatus;
import io.sessiongrid.sni.PoolStatus;
import io.sessiongrid.sni.ReclaimResult;
import io.sessiongrid.sni.ReleaseResult;
import io.sessiongrid.sni.Reservation;
import io.sessiongrid.sni.ReservationKind;
import io.sessiongrid.sni.SniOptions;
import io.sessiongrid.sni.SniService;
import io.sessiongrid.sni.SweepReport;
import io.sessiongrid.sni.reclaim.RefusalReason;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link SniService} over the IMaps of one namespace; identical on members and clients. Allocations are served from
 * this instance's shadow reservations ({@link ShadowPool}) without a grid call when they can be, the hand-over being
 * recorded asynchronously ({@link Handovers}); otherwise from the grid ({@link Allocator}).
 */
public final class HazelcastSniService implements SniService {
    private final Grid grid;
    private final Allocator allocator;
    private final Inspector inspector;
    private final ShadowPool pool = new ShadowPool();
    private final Handovers handovers;
    private final Reservations reservations;
    /** Lease ids minted ahead (FlakeIdGenerator batches cost a round trip from a client): none on the fast path. */
    private final LeaseIds leaseIds;

    public HazelcastSniService(HazelcastInstance instance, SniConfig config, SniOptions options) {
        this.grid = new Grid(instance, config, options);
        this.allocator = new Allocator(grid);
        this.inspector = new Inspector(grid, allocator);
        this.handovers = new Handovers(grid);
        this.leaseIds = new LeaseIds(grid.ids);
        this.reservations = new Reservations(grid, allocator, pool, handovers, leaseIds,
                UUID.randomUUID().toString());
        int[] existing;
        try {
            existing = grid.pool.executeOnKey(PoolDirectory.KEY, new DirectoryProcessors.Init(grid.chunkCount,
                    grid.chunkSize, ThreadLocalRandom.current().nextLong()));
        } catch (RuntimeException e) {
            throw grid.translate(e, "creating the SNI service");
        }
        if (existing[0] != grid.chunkCount || existing[1] != grid.chunkSize) {
            throw new IllegalStateException("SNI namespace '" + options.namespace() + "' already holds a pool of "
                    + existing[0] + " chunks of " + existing[1] + " ids; this service was configured with "
                    + grid.chunkCount + " chunks of " + grid.chunkSize + " (widthBits " + config.widthBits()
                    + "): every service of a namespace must use the same widthBits and chunkSize");
        }
    }

    @Override
    public void registerApp(String appId, int priority) {
        requireAppId(appId);
        try {
            allocator.remember(grid.apps.executeOnKey(appId, new AppProcessors.Register(appId, priority, grid.now())));
        } catch (RuntimeException e) {
            throw grid.translate(e, "registerApp(" + appId + ")");
        }
    }

    @Override
    public Allocation allocate(String appId, int count) {
        requireAppId(appId);
        checkCount("allocate", count);
        if (!handovers.healthy()) {
            try {
                handovers.drain();
            } catch (RuntimeException e) {
                // Cut off from the grid: no local hand-outs; the grid path below reports the failure.
                return allocator.allocate(appId, count);
            }
        }
        long now = grid.now();
        ShadowPool.Taken taken = pool.take(appId, count, now);
        if (taken == null) {
            return allocator.allocate(appId, count);
        }
        long lease = leaseIds.next();
        List<IdRange> ranges = taken.ranges();
        int acquired = 0;
        if (taken.total() < count) {
            // The pool had part of it: the rest from the grid for the same lease, all or nothing.
            try {
                Allocator.Walk rest = allocator.allocate(appId, count - taken.total(), lease, now);
                ranges = new ArrayList<>(ranges);
                ranges.addAll(rest.got);
                ranges = Ranges.merge(ranges);
                acquired = rest.acquired;
            } catch (RuntimeException e) {
                pool.giveBack(taken);
                throw e;
            }
        }
        handovers.submit(lease, taken, now);
        List<Long> from = Arrays.stream(taken.reservations()).boxed().toList();
        return new Allocation(new Lease(lease, appId, ranges, Instant.ofEpochMilli(now), from), taken.total(),
                acquired);
    }

    @Override
    public ReleaseResult release(Collection<IdRange> ids) {
        Objects.requireNonNull(ids, "ids");
        drain("release");
        List<IdRange> outside = new ArrayList<>();
        Map<Integer, int[]> parts = Ranges.byChunk(ids, grid.chunkSize, grid.totalIds, outside);
        long outsideCount = outside.stream().mapToLong(IdRange::length).sum();
        if (parts.isEmpty()) {
            return new ReleaseResult(0, (int) outsideCount, 0);
        }
        long now = grid.now();
        Map<Integer, ChunkOutcome.Released> results;
        try {
            results = grid.chunks.executeOnKeys(parts.keySet(),
                    new ChunkProcessors.Release(new HashMap<>(parts), grid.chunkSize, now));
        } catch (RuntimeException e) {
            throw grid.translate(e, "release");
        }
        long released = 0;
        long alreadyFree = outsideCount;
        long reserved = 0;
        for (ChunkOutcome.Released r : results.values()) {
            released += r.released();
            alreadyFree += r.alreadyFree();
            reserved += r.reserved();
        }
        inspector.markOpen(results, ChunkOutcome.Released::released);
        return new ReleaseResult((int) released, (int) alreadyFree, (int) reserved);
    }

    @Override
    public LeaseStatus heartbeat(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        Map<Integer, int[]> parts = Ranges.byChunk(lease.ranges(), grid.chunkSize, grid.totalIds, new ArrayList<>());
        long[] from = lease.handedFrom().stream().mapToLong(Long::longValue).toArray();
        long now = grid.now();
        long live = 0;
        if (!parts.isEmpty()) {
            try {
                for (ChunkOutcome.Beat r : grid.chunks.executeOnKeys(new HashSet<>(parts.keySet()),
                        new ChunkProcessors.Heartbeat(lease.id(), from, from.length == 0 ? Map.of() : parts,
                                grid.chunkSize, now)).values()) {
                    live += r.live();
                }
            } catch (RuntimeException e) {
                throw grid.translate(e, "heartbeat(" + lease.id() + ")");
            }
        }
        return new LeaseStatus(lease.id(), (int) live, lease.size() - (int) live, Instant.ofEpochMilli(now));
    }

    @Override
    public Reservation reserve(String appId, int count, Duration ttl, ReservationKind kind) {
        requireAppId(appId);
        checkCount("reserve", count);
        requireTtl(ttl);
        Objects.requireNonNull(kind, "kind");
        return reservations.reserve(appId, count, ttl, kind);
    }

    @Override
    public Reservation extend(Reservation reservation, Duration ttl) {
        Objects.requireNonNull(reservation, "reservation");
        requireTtl(ttl);
        return reservations.extend(reservation, ttl);
    }

    @Override
    public int releaseReservation(Reservation reservation) {
        Objects.requireNonNull(reservation, "reservation");
        return reservations.release(reservation);
    }

    @Override
    public ReclaimResult reclaim(Collection<IdRange> ids) {
        Objects.requireNonNull(ids, "ids");
        drain("reclaim");
        List<IdRange> outside = new ArrayList<>();
        Map<Integer, int[]> parts = Ranges.byChunk(ids, grid.chunkSize, grid.totalIds, outside);
        List<IdRange> reclaimed = new ArrayList<>();
        List<ReclaimResult.Refusal> refused = new ArrayList<>();
        outside.forEach(r -> refused.add(new ReclaimResult.Refusal(r, RefusalReason.OUT_OF_SPACE)));
        if (!parts.isEmpty()) {
            Map<Integer, ChunkOutcome.Runs> results;
            try {
                results = grid.chunks.executeOnKeys(parts.keySet(),
                        new ChunkProcessors.Reclaim(new HashMap<>(parts), grid.chunkSize, grid.now(), grid.idleMillis()));
            } catch (RuntimeException e) {
                throw grid.translate(e, "reclaim");
            }
            RefusalReason[] reasons = RefusalReason.values();
            results.forEach((chunk, r) -> {
                for (int i = 0; i < r.starts().length; i++) {
                    IdRange range = new IdRange((long) chunk * grid.chunkSize + r.starts()[i], r.lengths()[i]);
                    if (r.codes()[i] == 0) {
                        reclaimed.add(range);
                    } else {
                        refused.add(new ReclaimResult.Refusal(range, reasons[r.codes()[i] - 1]));
                    }
                }
            });
            inspector.markOpen(results, ChunkOutcome.Runs::accepted);
        }
        return new ReclaimResult(Ranges.merge(reclaimed), refused);
    }

    @Override
    public SweepReport sweep() {
        drain("sweep");
        return inspector.sweep();
    }

    @Override
    public AppStatus status(String appId) {
        requireAppId(appId);
        drain("status(" + appId + ")");
        return inspector.status(appId);
    }

    @Override
    public PoolStatus poolStatus() {
        drain("poolStatus");
        return inspector.poolStatus();
    }

    /** Identifiers this instance can hand out for the application without a grid call right now. */
    public int readyLocally(String appId) {
        return pool.available(appId, grid.now());
    }

    /** Hand-overs that found their identifiers gone (0 unless a reservation expired under a hand-over in flight). */
    public long handoverConflicts() {
        return handovers.conflicts();
    }

    /** Lets this instance's local hand-outs land in the grid, so that what follows sees them. */
    private void drain(String what) {
        try {
            handovers.drain();
        } catch (RuntimeException e) {
            throw grid.translate(e, what);
        }
    }

    private void checkCount(String what, int count) {
        if (count <= 0 || count > grid.totalIds) {
            throw new InvalidCountException(what, count, grid.figures());
        }
    }

    private static void requireAppId(String appId) {
        if (appId == null || appId.isBlank() || appId.length() > 200) {
            throw new IllegalArgumentException("appId must be 1..200 non-blank characters, got '" + appId + "'");
        }
    }

    private static void requireTtl(Duration ttl) {
        if (ttl == null || ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be a positive duration, got " + ttl);
        }
    }

}
