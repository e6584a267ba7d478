package io.sessiongrid.sni;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import io.sessiongrid.config.SniConfig;
import io.sessiongrid.sni.internal.HazelcastSniService;
import io.sessiongrid.sni.sharding.ShardingMode;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shadow reservations handed out by the instance that made them, with no grid call on the request path: concurrent
 * local and grid allocations never share an identifier, a lease survives the death of the client that handed it out,
 * only the holder releases a reservation early. The members refuse Java deserialization of SessionGrid classes, so
 * every call here also shows that the SNI service needs only Compact serialization.
 */
class SniLocalHandoutIT {
    private static final SniConfig CONFIG = new SniConfig(16, 256, Duration.ofHours(24), Duration.ofMinutes(10));
    private static final AtomicInteger NS = new AtomicInteger();
    private static final List<HazelcastInstance> members = new ArrayList<>();
    private static String cluster;
    private static HazelcastInstance client;

    @BeforeAll
    static void start() {
        cluster = TestClusters.uniqueName(SniLocalHandoutIT.class);
        for (int i = 0; i < 2; i++) {
            Config config = SniMaps.configure(TestClusters.memberConfig(cluster), CONFIG);
            config.getJetConfig().setEnabled(false);
            JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig();
            filter.getWhitelist().addPrefixes("java.", "com.hazelcast.");
            config.getSerializationConfig().setJavaSerializationFilterConfig(filter);
            members.add(Hazelcast.newHazelcastInstance(config));
        }
        client = newClient();
    }

    private static HazelcastInstance newClient() {
        ClientConfig config = TestClusters.clientConfig(cluster, members.toArray(HazelcastInstance[]::new));
        SniSerialization.register(config.getSerializationConfig());
        return HazelcastClient.newHazelcastClient(config);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.shutdown();
        }
        members.forEach(m -> m.getLifecycleService().terminate());
    }

    private static SniOptions fresh(MutableClock clock) {
        return new SniOptions("sessiongrid.sni.h" + NS.incrementAndGet(), ShardingMode.DYNAMIC, clock);
    }

    @Test
    void localAndGridAllocationsRunConcurrentlyWithoutSharingAnIdentifier() throws Exception {
        SniOptions options = fresh(new MutableClock(1_000_000));
        SniService local = SniServices.create(client, CONFIG, options);
        SniService grid = SniServices.create(members.get(0), CONFIG, options);
        local.registerApp("web", 1);
        Reservation shadow = local.reserve("web", 3_000, Duration.ofHours(1));
        assertEquals(3_000, shadow.held());

        ConcurrentLinkedQueue<Allocation> done = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            SniService service = t < 4 ? local : grid;
            futures.add(threads.submit(() -> {
                for (int i = 0; i < 80; i++) {
                    done.add(service.allocate("web", 1 + ThreadLocalRandom.current().nextInt(15)));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertNoDuplicates(done);
        long handedOutLocally = done.stream().mapToLong(Allocation::fromReserved).sum();
        assertTrue(handedOutLocally > 0, "the client's service served from its shadow reservation");
        // Heartbeats from the other instance, without waiting for the client's hand-overs: none is missing.
        for (Allocation a : done) {
            assertTrue(grid.heartbeat(a.lease()).intact(), "lease " + a.lease() + " is not fully recorded");
        }
        long total = done.stream().mapToLong(Allocation::size).sum();
        AppStatus status = local.status("web");
        assertEquals(total, status.leased());
        assertEquals(3_000 - handedOutLocally, status.reserved());
        assertEquals(0, ((HazelcastSniService) local).handoverConflicts());
    }

    @Test
    void aLeaseOutlivesTheClientThatHandedItOutAndTheRestOfItsReservationExpires() {
        MutableClock clock = new MutableClock(2_000_000);
        SniOptions options = fresh(clock);
        SniService survivor = SniServices.create(members.get(1), CONFIG, options);
        survivor.registerApp("batch", 1);
        HazelcastInstance doomed = newClient();
        SniService dying = SniServices.create(doomed, CONFIG, options);
        Reservation shadow = dying.reserve("batch", 100, Duration.ofHours(1));
        Allocation handedOut = dying.allocate("batch", 30);
        assertEquals(30, handedOut.fromReserved());
        assertEquals(List.of(shadow.id()), handedOut.lease().handedFrom());
        // The process dies right after handing out: its hand-over may or may not have reached the grid.
        doomed.getLifecycleService().terminate();

        assertTrue(survivor.heartbeat(handedOut.lease()).intact(), "the lease's heartbeat completes the hand-over");
        assertThrows(ReservationHeldElsewhereException.class, () -> survivor.releaseReservation(shadow));
        assertThrows(ReservationHeldElsewhereException.class, () -> survivor.extend(shadow, Duration.ofHours(2)));
        // The dead instance's unhanded identifiers are never given to anyone else before the reservation expires.
        Allocation other = survivor.allocate("batch", 500);
        assertTrue(other.ids().noneMatch(id -> shadow.ranges().stream().anyMatch(r -> r.contains(id))));
        assertEquals(70, survivor.status("batch").reserved());

        clock.advance(Duration.ofMinutes(61));
        assertTrue(survivor.heartbeat(handedOut.lease()).intact());
        assertTrue(survivor.heartbeat(other.lease()).intact());
        SweepReport sweep = survivor.sweep();
        assertEquals(70, sweep.expiredReservedIds(), "the leak ends with the reservation");
        assertEquals(0, sweep.reclaimedIds());
        assertEquals(530, survivor.status("batch").leased());
    }

    @Test
    void aReleasedLeaseCannotTakeBackItsIdentifiersThroughAHeartbeat() {
        SniService sni = SniServices.create(client, CONFIG, fresh(new MutableClock(3_000_000)));
        sni.registerApp("a", 1);
        sni.reserve("a", 50, Duration.ofHours(1));
        Allocation a = sni.allocate("a", 20);
        assertEquals(20, a.fromReserved());
        assertEquals(new ReleaseResult(20, 0, 0), sni.release(a.lease().ranges()));
        LeaseStatus stale = sni.heartbeat(a.lease());
        assertEquals(0, stale.live());
        assertEquals(30, sni.status("a").reserved());
        assertEquals(0, sni.status("a").leased());
    }

    @Test
    void everyCallWorksFromAClientAgainstMembersThatRefuseJavaDeserializationOfOurClasses() {
        MutableClock clock = new MutableClock(4_000_000);
        SniService sni = SniServices.create(client, CONFIG, fresh(clock));
        sni.registerApp("all", 2);
        Reservation range = sni.reserve("all", 300, Duration.ofMinutes(30), ReservationKind.RANGE);
        Reservation shadow = sni.reserve("all", 40, Duration.ofMinutes(30));
        Allocation local = sni.allocate("all", 30);
        assertEquals(30, local.fromReserved());
        assertEquals(10, sni.extend(shadow, Duration.ofHours(1)).held());
        sni.extend(range, Duration.ofHours(1));
        assertEquals(10, sni.releaseReservation(shadow));
        sni.releaseReservation(range);
        Allocation grid = sni.allocate("all", 200);
        assertEquals(0, grid.fromReserved());
        assertTrue(sni.heartbeat(grid.lease()).intact());
        assertEquals(30, sni.release(local.lease().ranges()).released());
        clock.advance(Duration.ofMinutes(11));
        assertEquals(200, sni.reclaim(grid.lease().ranges()).reclaimedCount());
        sni.sweep();
        assertEquals(0, sni.status("all").leased());
        assertEquals(0, sni.poolStatus().leasedIds());
    }

    /** The control: the members' filter really refuses Java-serialized SessionGrid classes. */
    @Test
    void theMembersRefuseJavaSerializedSessionGridClasses() {
        client.getMap("java-filter-check").put("k", new JavaSerialized(1));
        IMap<String, Object> onMember = members.get(0).getMap("java-filter-check");
        assertThrows(HazelcastSerializationException.class, () -> onMember.get("k"));
    }

    record JavaSerialized(int value) implements Serializable {
    }

    private static void assertNoDuplicates(ConcurrentLinkedQueue<Allocation> allocations) {
        Set<Long> seen = new HashSet<>();
        for (Allocation a : allocations) {
            a.ids().forEach(id -> assertTrue(seen.add(id), "identifier " + id + " handed to two leases"));
        }
    }
}
