package io.sessiongrid.sni;

import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.SniConfig;
import io.sessiongrid.sni.reclaim.RefusalReason;
import io.sessiongrid.sni.sharding.ShardingMode;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API on one member and through a client: behaviour, bad input, reservations, reclamation, status. */
class SniServiceIT {
    private static final SniConfig CONFIG = new SniConfig(16, 256, Duration.ofHours(24), Duration.ofMinutes(10));
    private static final AtomicInteger NS = new AtomicInteger();
    private static HazelcastInstance member;
    private static HazelcastInstance client;

    @BeforeAll
    static void start() {
        String cluster = TestClusters.uniqueName(SniServiceIT.class);
        member = SniTestCluster.member(cluster, CONFIG, 1);
        client = SniTestCluster.client(cluster, member);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (member != null) {
            member.getLifecycleService().terminate();
        }
    }

    /** A fresh pool per test: its own namespace. */
    private static SniOptions fresh(MutableClock clock) {
        return new SniOptions("sessiongrid.sni.t" + NS.incrementAndGet(), ShardingMode.DYNAMIC, clock);
    }

    @Test
    void memberAndClientShareOnePoolWithoutDuplicates() {
        SniOptions options = fresh(new MutableClock(1_000_000));
        SniService onMember = SniServices.create(member, CONFIG, options);
        SniService onClient = SniServices.create(client, CONFIG, options);
        onMember.registerApp("web", 1);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Allocation a = onMember.allocate("web", 50);
            Allocation b = onClient.allocate("web", 37);
            assertEquals(50, a.size());
            assertEquals(37, b.size());
            a.ids().forEach(id -> assertTrue(seen.add(id), "duplicate " + id));
            b.ids().forEach(id -> assertTrue(seen.add(id), "duplicate " + id));
        }
        AppStatus status = onClient.status("web");
        assertEquals(20 * 87, status.leased());
        assertEquals(1, status.ranges(), "dynamic sharding keeps one application in one run of chunks");
        assertEquals(1.0, status.contiguity(), 1e-9);
        PoolStatus pool = onClient.poolStatus();
        assertEquals(20 * 87, pool.leasedIds());
        assertEquals(65_536 - 20 * 87, pool.freeIds());
    }

    @Test
    void doubleReleaseIsIdempotent() {
        SniService sni = SniServices.create(client, CONFIG, fresh(new MutableClock(0)));
        sni.registerApp("a", 1);
        Allocation a = sni.allocate("a", 300);
        ReleaseResult first = sni.release(a.lease().ranges());
        ReleaseResult second = sni.release(a.lease().ranges());
        assertEquals(new ReleaseResult(300, 0, 0), first);
        assertEquals(new ReleaseResult(0, 300, 0), second);
        assertEquals(0, sni.poolStatus().leasedIds());
        // The freed identifiers are handed out again.
        assertEquals(300, sni.allocate("a", 300).size());
    }

    @Test
    void badInputGivesTypedErrorsWithPoolFigures() {
        SniConfig tiny = new SniConfig(10, 64, Duration.ofHours(1), Duration.ofMinutes(1));
        SniService sni = SniServices.create(client, tiny, fresh(new MutableClock(0)));
        UnknownAppException unknown = assertThrows(UnknownAppException.class, () -> sni.allocate("nobody", 1));
        assertEquals(1024, unknown.figures().totalIds());
        sni.registerApp("a", 1);
        assertThrows(InvalidCountException.class, () -> sni.allocate("a", 0));
        assertThrows(InvalidCountException.class, () -> sni.allocate("a", -5));
        InvalidCountException tooMany = assertThrows(InvalidCountException.class, () -> sni.allocate("a", 1025));
        assertTrue(tooMany.getMessage().contains("1024"), tooMany.getMessage());
        assertEquals(1000, sni.allocate("a", 1000).size());
        PoolExhaustedException exhausted = assertThrows(PoolExhaustedException.class, () -> sni.allocate("a", 25));
        assertEquals(0, exhausted.figures().freeChunks());
        assertEquals(1000, sni.poolStatus().leasedIds(), "a refused allocation leaves nothing behind");
        assertEquals(24, sni.allocate("a", 24).size());
        Reservation ghost = new Reservation(42, "a", ReservationKind.SHADOW, 1, List.of(), java.time.Instant.EPOCH);
        assertThrows(UnknownReservationException.class, () -> sni.extend(ghost, Duration.ofMinutes(1)));
        assertThrows(UnknownReservationException.class, () -> sni.releaseReservation(ghost));
    }

    @Test
    void aRangeReservationThatCannotBeMetLeavesNoChunkPinned() {
        MutableClock clock = new MutableClock(0);
        SniConfig tiny = new SniConfig(10, 64, Duration.ofHours(1), Duration.ofMinutes(1));
        SniService sni = SniServices.create(client, tiny, fresh(clock));
        sni.registerApp("a", 1);
        sni.registerApp("r", 1);
        Allocation a = sni.allocate("a", 900); // 15 of the 16 chunks
        assertEquals(1, sni.poolStatus().freeChunks());
        assertThrows(PoolExhaustedException.class, () -> sni.reserve("r", 500, Duration.ofHours(1),
                ReservationKind.RANGE));
        // The walk claimed the last free chunk for "r" and pinned it for the hour; the refusal gave the pin back,
        // so once cold (after the 1 min idle timeout) the empty chunk returns to the pool, long before the hour.
        clock.advance(Duration.ofMinutes(2));
        assertTrue(sni.heartbeat(a.lease()).intact(), "a's identifiers stay in use");
        assertEquals(1, sni.sweep().releasedChunks());
        assertEquals(1, sni.poolStatus().freeChunks());
        assertEquals(64, sni.allocate("r", 64).size(), "the chunk serves allocations again");
    }

    @Test
    void allocationsPreferShadowReservations() {
        MutableClock clock = new MutableClock(5_000_000);
        SniService sni = SniServices.create(client, CONFIG, fresh(clock));
        sni.registerApp("burst", 5);
        Reservation r = sni.reserve("burst", 600, Duration.ofHours(1));
        assertEquals(600, r.held());
        assertEquals(600, sni.status("burst").reserved());
        Allocation a = sni.allocate("burst", 100);
        assertEquals(100, a.fromReserved());
        assertEquals(0, a.chunksAcquired());
        assertTrue(a.ids().allMatch(id -> r.ranges().stream().anyMatch(range -> range.contains(id))));
        Reservation extended = sni.extend(r, Duration.ofHours(2));
        assertEquals(500, extended.held());
        assertEquals(clock.instant().plus(Duration.ofHours(2)), extended.expiresAt());
        assertEquals(500, sni.releaseReservation(r));
        assertEquals(0, sni.releaseReservation(r), "a second release is idempotent");
        assertEquals(0, sni.status("burst").reserved());
        assertEquals(100, sni.status("burst").leased());
        assertThrows(UnknownReservationException.class, () -> sni.extend(r, Duration.ofHours(1)));
    }

    @Test
    void reservationsExpireAndIdleLeasesAreReclaimedButLiveOnesNever() {
        MutableClock clock = new MutableClock(10_000_000);
        SniService sni = SniServices.create(member, CONFIG, fresh(clock));
        sni.registerApp("app", 1);
        Allocation idle = sni.allocate("app", 10);
        Allocation live = sni.allocate("app", 10);
        Reservation shortLived = sni.reserve("app", 20, Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(6));
        assertTrue(sni.heartbeat(live.lease()).intact());
        // Manual: the live lease is refused, the never-allocated id too.
        long freeId = 60_000;
        ReclaimResult early = sni.reclaim(List.of(live.lease().ranges().get(0), IdRange.of(freeId)));
        assertEquals(0, early.reclaimedCount());
        assertTrue(early.refused().stream().anyMatch(r -> r.reason() == RefusalReason.LIVE_LEASE));
        assertTrue(early.refused().stream().anyMatch(r -> r.reason() == RefusalReason.NOT_ALLOCATED));

        SweepReport first = sni.sweep();
        assertEquals(20, first.expiredReservedIds());
        assertEquals(1, first.expiredReservations());
        assertEquals(0, first.reclaimedIds());

        clock.advance(Duration.ofMinutes(6));
        assertTrue(sni.heartbeat(live.lease()).intact());
        ReclaimResult manual = sni.reclaim(idle.lease().ranges());
        assertEquals(10, manual.reclaimedCount());
        assertEquals(0, sni.reclaim(live.lease().ranges()).reclaimedCount());
        assertEquals(10, sni.heartbeat(idle.lease()).missing(), "a reclaimed lease learns it on its next heartbeat");

        clock.advance(Duration.ofMinutes(11));
        SweepReport second = sni.sweep();
        assertEquals(10, second.reclaimedIds(), "the live lease went silent for longer than the idle timeout");
        assertEquals(1, second.releasedChunks(), "the empty cold chunk went back to the pool");
        assertEquals(0, sni.status("app").chunks());
        assertEquals(256, sni.poolStatus().chunks());
        assertEquals(256, sni.poolStatus().freeChunks());
    }

    @Test
    void randomBaselineScattersAnApplicationAcrossChunks() {
        SniOptions random = new SniOptions("sessiongrid.sni.r" + NS.incrementAndGet(), ShardingMode.RANDOM, new MutableClock(0));
        SniService sni = SniServices.create(member, CONFIG, random);
        sni.registerApp("a", 1);
        sni.registerApp("b", 1);
        for (int i = 0; i < 8; i++) {
            sni.allocate("a", 256);
            sni.allocate("b", 256);
        }
        AppStatus a = sni.status("a");
        assertEquals(8, a.chunks());
        assertTrue(a.ranges() > 1, "shuffled chunks are rarely adjacent: " + a);
        assertTrue(sni.poolStatus().contiguity() < 0.9);
    }

    @Test
    void rangeReservationPinsChunksForGrowth() {
        MutableClock clock = new MutableClock(0);
        SniService sni = SniServices.create(client, CONFIG, fresh(clock));
        sni.registerApp("grow", 1);
        Reservation range = sni.reserve("grow", 600, Duration.ofMinutes(30), ReservationKind.RANGE);
        assertEquals(3 * 256, range.held());
        assertEquals(3, sni.status("grow").chunks());
        clock.advance(Duration.ofMinutes(20));
        assertEquals(0, sni.sweep().releasedChunks(), "pinned chunks stay although cold");
        Allocation a = sni.allocate("grow", 700);
        assertEquals(0, a.chunksAcquired());
        assertEquals(0, sni.releaseReservation(range));
    }
}
