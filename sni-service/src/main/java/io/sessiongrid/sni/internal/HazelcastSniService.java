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
import io.sessiongrid.sni.UnknownReservationException;
import io.sessiongrid.sni.reclaim.RefusalReason;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** {@link SniService} over the IMaps of one namespace; identical on members and clients. */
public final class HazelcastSniService implements SniService {
    private final Grid grid;
    private final Allocator allocator;
    private final Inspector inspector;

    public HazelcastSniService(HazelcastInstance instance, SniConfig config, SniOptions options) {
        this.grid = new Grid(instance, config, options);
        this.allocator = new Allocator(grid);
        this.inspector = new Inspector(grid, allocator);
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
        return allocator.allocate(appId, count);
    }

    @Override
    public ReleaseResult release(Collection<IdRange> ids) {
        Objects.requireNonNull(ids, "ids");
        List<IdRange> outside = new ArrayList<>();
        Map<Integer, int[]> parts = Ranges.byChunk(ids, grid.chunkSize, grid.totalIds, outside);
        long outsideCount = outside.stream().mapToLong(IdRange::length).sum();
        if (parts.isEmpty()) {
            return new ReleaseResult(0, (int) outsideCount, 0);
        }
        long now = grid.now();
        Map<Integer, ChunkResult> results;
        try {
            results = grid.chunks.executeOnKeys(parts.keySet(),
                    new ChunkProcessors.Release(new HashMap<>(parts), grid.chunkSize, now));
        } catch (RuntimeException e) {
            throw grid.translate(e, "release");
        }
        long released = 0;
        long alreadyFree = outsideCount;
        long reserved = 0;
        for (ChunkResult r : results.values()) {
            released += r.a();
            alreadyFree += r.b();
            reserved += r.c();
        }
        inspector.markOpen(results, ChunkResult::a);
        return new ReleaseResult((int) released, (int) alreadyFree, (int) reserved);
    }

    @Override
    public LeaseStatus heartbeat(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        Set<Integer> keys = new HashSet<>(Ranges.byChunk(lease.ranges(), grid.chunkSize, grid.totalIds,
                new ArrayList<>()).keySet());
        long now = grid.now();
        long live = 0;
        if (!keys.isEmpty()) {
            try {
                for (ChunkResult r : grid.chunks.executeOnKeys(keys,
                        new ChunkProcessors.Heartbeat(lease.id(), grid.chunkSize, now)).values()) {
                    live += r.a();
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
        allocator.app(appId);
        long id = grid.ids.newId();
        long now = grid.now();
        long expiresAt = now + ttl.toMillis();
        byte kindCode = (byte) kind.ordinal();
        List<Integer> used = new ArrayList<>();
        List<IdRange> ranges;
        try {
            // The record first: a crash after it leaves identifiers that expire with it, never orphans.
            grid.reservations.set(id, new ReservationRecord(id, appId, kindCode, count, AppProcessors.NO_INTS, now,
                    expiresAt, ReservationRecord.ACTIVE));
            ranges = kind == ReservationKind.SHADOW
                    ? allocator.reserveShadow(appId, id, count, now, expiresAt, used)
                    : allocator.reserveRange(appId, count, now, expiresAt, used);
            int[] chunks = used.stream().mapToInt(Integer::intValue).toArray();
            grid.reservations.executeOnKey(id, new ReservationProcessors.SetChunks(chunks));
            allocator.remember(grid.apps.executeOnKey(appId, new AppProcessors.Reservations(id, true,
                    kind == ReservationKind.SHADOW ? chunks : AppProcessors.NO_INTS)));
        } catch (RuntimeException e) {
            try {
                grid.reservations.executeOnKey(id, new ReservationProcessors.End(ReservationRecord.RELEASED, now, false));
            } catch (RuntimeException ignored) {
                // The record expires by itself.
            }
            throw grid.translate(e, "reserve(" + appId + ", " + count + ")");
        }
        return new Reservation(id, appId, kind, count, ranges, Instant.ofEpochMilli(expiresAt));
    }

    @Override
    public Reservation extend(Reservation reservation, Duration ttl) {
        Objects.requireNonNull(reservation, "reservation");
        requireTtl(ttl);
        long now = grid.now();
        long expiresAt = now + ttl.toMillis();
        try {
            ReservationRecord r = grid.reservations.executeOnKey(reservation.id(),
                    new ReservationProcessors.Extend(now, expiresAt));
            if (r == null) {
                throw new UnknownReservationException(reservation.id(), "is unknown", grid.figures());
            }
            if (r.state() != ReservationRecord.ACTIVE || r.expiresAt() != expiresAt) {
                throw new UnknownReservationException(reservation.id(), "has ended (released or expired) and "
                        + "cannot be extended; reserve again", grid.figures());
            }
            Set<Integer> keys = keys(r.chunks());
            List<IdRange> ranges = new ArrayList<>();
            if (!keys.isEmpty() && r.kind() == 0) {
                grid.chunks.executeOnKeys(keys, new ChunkProcessors.Extend(r.id(), grid.chunkSize, expiresAt))
                        .forEach((chunk, res) -> ranges.addAll(Ranges.toIds(chunk, grid.chunkSize, res.starts(),
                                res.lengths())));
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

    @Override
    public int releaseReservation(Reservation reservation) {
        Objects.requireNonNull(reservation, "reservation");
        long now = grid.now();
        try {
            ReservationRecord before = grid.reservations.executeOnKey(reservation.id(),
                    new ReservationProcessors.End(ReservationRecord.RELEASED, now, false));
            if (before == null) {
                throw new UnknownReservationException(reservation.id(), "is unknown", grid.figures());
            }
            if (before.state() != ReservationRecord.ACTIVE) {
                return 0;
            }
            int freed = 0;
            Set<Integer> keys = keys(before.chunks());
            if (!keys.isEmpty() && before.kind() == 0) {
                for (ChunkResult r : grid.chunks.executeOnKeys(keys, new ChunkProcessors.ReleaseHolder(before.id(),
                        Chunk.RESERVED, grid.chunkSize, now)).values()) {
                    freed += (int) r.a();
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

    @Override
    public ReclaimResult reclaim(Collection<IdRange> ids) {
        Objects.requireNonNull(ids, "ids");
        List<IdRange> outside = new ArrayList<>();
        Map<Integer, int[]> parts = Ranges.byChunk(ids, grid.chunkSize, grid.totalIds, outside);
        List<IdRange> reclaimed = new ArrayList<>();
        List<ReclaimResult.Refusal> refused = new ArrayList<>();
        outside.forEach(r -> refused.add(new ReclaimResult.Refusal(r, RefusalReason.OUT_OF_SPACE)));
        if (!parts.isEmpty()) {
            Map<Integer, ChunkResult> results;
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
            inspector.markOpen(results, r -> {
                int freed = 0;
                for (int i = 0; i < r.codes().length; i++) {
                    freed += r.codes()[i] == 0 ? r.lengths()[i] : 0;
                }
                return freed;
            });
        }
        return new ReclaimResult(Ranges.merge(reclaimed), refused);
    }

    @Override
    public SweepReport sweep() {
        return inspector.sweep();
    }

    @Override
    public AppStatus status(String appId) {
        requireAppId(appId);
        return inspector.status(appId);
    }

    @Override
    public PoolStatus poolStatus() {
        return inspector.poolStatus();
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

    private static Set<Integer> keys(int[] chunks) {
        Set<Integer> keys = new HashSet<>();
        for (int c : chunks) {
            keys.add(c);
        }
        return keys;
    }
}
