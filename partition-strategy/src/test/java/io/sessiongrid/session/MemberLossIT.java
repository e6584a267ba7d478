package io.sessiongrid.session;

import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member terminated abruptly during concurrent writes (backup count 1) loses no acknowledged write, and
 * a client writing at the time keeps working.
 */
class MemberLossIT {
    static final List<HazelcastInstance> members = new ArrayList<>();
    static HazelcastInstance client;
    static SessionGridConfig config = StoreFixtures.standard();

    @BeforeAll
    static void startCluster() {
        String cluster = TestClusters.uniqueName(MemberLossIT.class);
        for (int i = 0; i < 3; i++) {
            members.add(StoreFixtures.member(cluster, config));
        }
        await().until(() -> members.get(0).getCluster().getMembers().size() == 3);
        client = StoreFixtures.client(cluster, members.toArray(HazelcastInstance[]::new));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.shutdown();
        }
        members.forEach(m -> m.getLifecycleService().terminate());
    }

    /** One acknowledged write: the session, its partition, and the element values that were confirmed. */
    record Ack(String sessionId, String partition, String value, String delta) {
    }

    @Test
    void noAcknowledgedWriteIsLostWhenAMemberIsTerminated() throws Exception {
        SessionStore viaMember = SessionStores.create(members.get(0), config);
        SessionStore viaClient = SessionStores.create(client, config);
        HazelcastInstance victim = members.get(2);

        ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger acksAfterKill = new AtomicInteger();
        AtomicInteger clientAcksAfterKill = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            SessionStore store = w % 2 == 0 ? viaMember : viaClient;
            boolean isClient = w % 2 == 1;
            String prefix = (isClient ? "client" : "member") + w + "-";
            writers.add(pool.submit(() -> {
                for (int i = 0; !stop.get() && i < 50_000; i++) {
                    String session = prefix + i;
                    String partition = i % 3 == 0 ? "game" : (i % 3 == 1 ? "auth" : "cart");
                    try {
                        store.set(session, partition, Map.of("v", String.valueOf(i)));
                        store.put(session, partition, "d", "delta-" + i);
                        acks.add(new Ack(session, partition, String.valueOf(i), "delta-" + i));
                        total.incrementAndGet();
                        if (killed.get()) {
                            acksAfterKill.incrementAndGet();
                            if (isClient) {
                                clientAcksAfterKill.incrementAndGet();
                            }
                        }
                    } catch (RuntimeException e) {
                        failures.incrementAndGet(); // not acknowledged: the writer may retry or give up
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> total.get() >= 2_000);
        victim.getLifecycleService().terminate();
        killed.set(true);
        await().atMost(Duration.ofSeconds(60)).until(() -> clientAcksAfterKill.get() >= 1_000 && acksAfterKill.get() >= 2_000);
        stop.set(true);
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        await().atMost(Duration.ofSeconds(60)).until(() -> members.get(0).getPartitionService().isClusterSafe());
        List<String> lost = new ArrayList<>();
        for (Ack ack : acks) {
            Map<String, String> elements = viaClient.get(ack.sessionId(), ack.partition())
                    .map(SessionPartition::elements).orElse(Map.of());
            if (!ack.value().equals(elements.get("v")) || !ack.delta().equals(elements.get("d"))) {
                lost.add(ack + " found " + elements);
            }
        }
        assertTrue(acks.size() > 4_000, "writes were acknowledged: " + acks.size());
        assertEquals(List.of(), lost.subList(0, Math.min(lost.size(), 10)),
                lost.size() + " of " + acks.size() + " acknowledged writes lost (" + failures.get() + " unacknowledged)");
        // The client still works after the loss.
        viaClient.set("after-loss", "auth", Map.of("ok", "yes"));
        assertEquals("yes", viaClient.get("after-loss", "auth").orElseThrow().elements().get("ok"));
    }
}
