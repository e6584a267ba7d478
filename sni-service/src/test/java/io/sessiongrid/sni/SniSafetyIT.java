package io.sessiongrid.sni;

import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.SniConfig;
import io.sessiongrid.sni.internal.HazelcastSniService;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Never the same identifier to two holders: concurrent allocators on three members and a client sharing
 * applications (so they race on the same chunks and the same pool directory), each instance also handing out its own
 * shadow reservations locally, then a member terminated mid-burst.
 * Every acknowledged allocation must be unique and still held afterwards (its heartbeat finds all its identifiers).
 */
class SniSafetyIT {
    // Small chunks so that callers constantly take new chunks and race on the directory.
    private static final SniConfig CONFIG = new SniConfig(20, 64, Duration.ofHours(24), Duration.ofMinutes(10));
    private static final List<String> APPS = List.of("alpha", "beta", "gamma");
    private static final List<HazelcastInstance> members = new ArrayList<>();
    private static HazelcastInstance client;

    @BeforeAll
    static void start() {
        String cluster = TestClusters.uniqueName(SniSafetyIT.class);
        for (int i = 0; i < 3; i++) {
            members.add(SniTestCluster.member(cluster, CONFIG, 3));
        }
        client = SniTestCluster.client(cluster, members.toArray(HazelcastInstance[]::new));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.shutdown();
        }
        members.forEach(m -> m.getLifecycleService().terminate());
    }

    @Test
    void concurrentCallersAndAMemberTerminatedMidBurstNeverShareAnIdentifier() throws Exception {
        List<SniService> services = new ArrayList<>();
        for (HazelcastInstance m : members) {
            services.add(SniServices.create(m, CONFIG));
        }
        SniService viaClient = SniServices.create(client, CONFIG);
        services.add(viaClient);
        APPS.forEach(app -> viaClient.registerApp(app, 1));
        // Every instance holds shadow reservations, so local hand-outs (no grid call) race with grid allocations of
        // the same applications on the same chunks.
        for (SniService s : services) {
            APPS.forEach(app -> s.reserve(app, 150, Duration.ofHours(1)));
        }

        ConcurrentLinkedQueue<Allocation> acknowledged = new ConcurrentLinkedQueue<>();
        // Phase 1: 2 threads on each member and 2 on the client, no failure.
        runBurst(services, 2, 60, acknowledged, null, new AtomicInteger());
        assertUnique(acknowledged);

        // Phase 2: the same burst on the two survivors and the client while the third member is terminated.
        List<SniService> survivors = List.of(services.get(0), services.get(1), viaClient);
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch halfway = new CountDownLatch(20);
        ExecutorService killer = Executors.newSingleThreadExecutor();
        Future<?> kill = killer.submit(() -> {
            halfway.await();
            members.get(2).getLifecycleService().terminate();
            return null;
        });
        runBurst(survivors, 2, 80, acknowledged, halfway, failures);
        kill.get(30, TimeUnit.SECONDS);
        killer.shutdown();
        assertUnique(acknowledged);

        // Nothing acknowledged was lost: every lease still holds every identifier it was given.
        await().atMost(Duration.ofSeconds(30)).until(() -> client.getCluster().getMembers().size() == 2);
        for (Allocation a : acknowledged) {
            LeaseStatus status = viaClient.heartbeat(a.lease());
            assertTrue(status.intact(), "lease " + a.lease().id() + " lost identifiers: " + status);
        }
        for (SniService s : survivors) {
            s.status("alpha");
            assertEquals(0, ((HazelcastSniService) s).handoverConflicts(), "a hand-over found its identifiers gone");
        }
        long local = acknowledged.stream().mapToLong(Allocation::fromReserved).sum();
        assertTrue(local > 0, "some allocations were served from local shadow reservations");
        long total = acknowledged.stream().mapToLong(Allocation::size).sum();
        PoolStatus pool = viaClient.poolStatus();
        assertTrue(pool.leasedIds() >= total, "pool counts " + pool.leasedIds() + " leased, acknowledged " + total);
        System.out.println("safety: " + acknowledged.size() + " allocations, " + total + " identifiers (" + local
                + " handed out locally), "
                + failures.get() + " calls failed during the termination, leased in pool " + pool.leasedIds());
    }

    private static void runBurst(List<SniService> services, int threadsEach, int callsEach,
                                 ConcurrentLinkedQueue<Allocation> acknowledged, CountDownLatch progress,
                                 AtomicInteger failures) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(services.size() * threadsEach);
        AtomicBoolean unexpected = new AtomicBoolean();
        List<Future<?>> futures = new ArrayList<>();
        for (SniService service : services) {
            for (int t = 0; t < threadsEach; t++) {
                futures.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < callsEach; i++) {
                        String app = APPS.get(random.nextInt(APPS.size()));
                        try {
                            acknowledged.add(service.allocate(app, 1 + random.nextInt(40)));
                        } catch (SniUnavailableException e) {
                            failures.incrementAndGet();
                        } catch (RuntimeException e) {
                            unexpected.set(true);
                            throw e;
                        }
                        if (progress != null) {
                            progress.countDown();
                        }
                    }
                    return null;
                }));
            }
        }
        for (Future<?> f : futures) {
            f.get(90, TimeUnit.SECONDS);
        }
        pool.shutdown();
        if (unexpected.get()) {
            fail("an allocation failed with an unexpected exception");
        }
    }

    private static void assertUnique(ConcurrentLinkedQueue<Allocation> acknowledged) {
        Set<Long> seen = new HashSet<>();
        long duplicates = 0;
        for (Allocation a : acknowledged) {
            for (long id : a.ids().toArray()) {
                if (!seen.add(id)) {
                    duplicates++;
                }
            }
        }
        assertEquals(0, duplicates, "identifiers handed to two holders");
    }
}
