package io.sessiongrid.sni;

import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.SniConfig;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Split-brain protection on the SNI maps. The open-source jar has no network firewall to cut a cluster in two, so the
 * minority side is made by terminating two of three members: the survivor is below the majority (2 of 3) and must
 * refuse to allocate, on the member and through a client, with a typed error.
 */
class SniSplitBrainIT {
    private static final SniConfig CONFIG = new SniConfig(16, 256, Duration.ofHours(24), Duration.ofMinutes(10));
    private static final List<HazelcastInstance> members = new ArrayList<>();
    private static HazelcastInstance client;

    @BeforeAll
    static void start() {
        String cluster = TestClusters.uniqueName(SniSplitBrainIT.class);
        for (int i = 0; i < 3; i++) {
            members.add(SniTestCluster.member(cluster, CONFIG, 3));
        }
        client = SniTestCluster.client(cluster, members.get(0));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.shutdown();
        }
        members.forEach(m -> m.getLifecycleService().terminate());
    }

    @Test
    void theMinoritySideRefusesToAllocate() {
        SniService survivor = SniServices.create(members.get(0), CONFIG);
        SniService viaClient = SniServices.create(client, CONFIG);
        survivor.registerApp("app", 1);
        Allocation before = viaClient.allocate("app", 10);
        assertEquals(10, before.size());
        // Identifiers the survivor holds in its local pool: exclusively its own in the grid, so handing some out
        // after the split duplicates nothing, and it stops once a hand-over fails.
        Reservation held = survivor.reserve("app", 50, Duration.ofHours(1));

        members.get(1).getLifecycleService().terminate();
        members.get(2).getLifecycleService().terminate();
        await().atMost(Duration.ofSeconds(30)).until(() -> members.get(0).getCluster().getMembers().size() == 1);

        List<Allocation> afterSplit = new ArrayList<>();
        SniUnavailableException refused = await().atMost(Duration.ofSeconds(30)).ignoreExceptionsMatching(
                e -> !(e instanceof SniUnavailableException)).until(
                () -> catchUnavailable(() -> afterSplit.add(survivor.allocate("app", 5))), e -> e != null);
        assertTrue(afterSplit.stream().filter(a -> a.fromReserved() > 0).allMatch(a -> a.ids().allMatch(
                id -> held.ranges().stream().anyMatch(r -> r.contains(id)))),
                "local hand-outs after the split come only from identifiers held before it: " + afterSplit);
        System.out.println("split brain: " + afterSplit.size() + " allocations succeeded on the survivor before the "
                + "refusal, " + afterSplit.stream().filter(a -> a.fromReserved() > 0).count() + " of them local");
        assertTrue(refused.getMessage().contains("split-brain"), refused.getMessage());
        assertEquals(65_536, refused.figures().totalIds());
        SniUnavailableException viaClientRefused = assertThrows(SniUnavailableException.class,
                () -> viaClient.allocate("app", 5));
        assertTrue(viaClientRefused.getMessage().contains("split-brain"), viaClientRefused.getMessage());
        assertThrows(SniUnavailableException.class, () -> survivor.reserve("app", 5, Duration.ofMinutes(1)));
    }

    private static SniUnavailableException catchUnavailable(Runnable call) {
        try {
            call.run();
            return null;
        } catch (SniUnavailableException e) {
            return e;
        }
    }
}
