package io.sessiongrid.migration;

import io.sessiongrid.SessionGrid;
import io.sessiongrid.servers.ConnectionOwnership;
import io.sessiongrid.servers.ServerState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

import static io.sessiongrid.migration.MigrationCluster.id;
import static io.sessiongrid.migration.MigrationCluster.internals;
import static io.sessiongrid.migration.MigrationCluster.seed;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Moves under concurrent writes, a drain followed by a graceful shutdown, and members terminated mid-move (target:
 * the move rolls back; source: it completes, or rolls back onto the source that left, which is then orphaned). Three
 * data members, a lite member and a client, plus members each test starts and stops itself.
 */
class MigrationFailuresIT extends MigrationTestBase {
    @Test
    void movesUnderConcurrentWritesLoseNothingAndShowNothingStale() throws Exception {
        int sessions = 12;
        for (int i = 0; i < sessions; i++) {
            seed(d1, "s-w" + i, 2);
            d1.sessions().set("s-w" + i, "cart", Map.of("n", "0"));
            d1.connections().opened("c-w" + i, "s-w" + i);
        }
        AtomicLongArray acked = new AtomicLongArray(sessions);
        AtomicBoolean writing = new AtomicBoolean(true);
        // Two writers on nodes that are never targets, each owning half the sessions: cart.n counts up.
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        SessionGrid[] writerNodes = {d2, d3};
        for (int w = 0; w < 2; w++) {
            int first = w;
            SessionGrid via = writerNodes[w];
            writers.add(CompletableFuture.runAsync(() -> {
                long n = 0;
                while (writing.get()) {
                    n++;
                    for (int i = first; i < sessions; i += 2) {
                        via.sessions().put("s-w" + i, "cart", "n", Long.toString(n));
                        acked.set(i, n);
                    }
                }
            }));
        }
        // On each target: what was acknowledged when the move was announced must be visible when it arrives.
        Map<String, Long> ackedAtExpect = new ConcurrentHashMap<>();
        List<String> stale = new CopyOnWriteArrayList<>();
        List<String> listeners = new ArrayList<>();
        SessionGrid[] targets = {lite, client, d1};
        for (SessionGrid target : targets) {
            listeners.add(target.migrations().addListener(e -> {
                int i = Integer.parseInt(e.sessionId().substring(3));
                if (e instanceof MoveEvent.ExpectConnection) {
                    ackedAtExpect.put(e.moveId(), acked.get(i));
                } else if (e instanceof MoveEvent.ConnectionArrived) {
                    long seen = Long.parseLong(target.sessions().get(e.sessionId(), "cart").orElseThrow().elements().get("n"));
                    long before = ackedAtExpect.getOrDefault(e.moveId(), 0L);
                    if (seen < before) {
                        stale.add(e.connectionId() + " on " + id(target) + ": saw " + seen + " < acknowledged " + before);
                    }
                }
            }));
        }
        int moves = 0;
        for (int round = 0; round < 4; round++) {
            SessionGrid target = targets[(round + 1) % targets.length];
            for (int i = 0; i < sessions; i++) {
                long before = acked.get(i);
                MoveResult r = client.migrations().migrateConnection("c-w" + i, id(target));
                assertEquals(MoveOutcome.COMPLETED, r.outcome(), r::toString);
                long seen = Long.parseLong(target.sessions().get("s-w" + i, "cart").orElseThrow().elements().get("n"));
                assertTrue(seen >= before, "after the flip the target saw n=" + seen + ", acknowledged before: " + before);
                moves++;
            }
        }
        writing.set(false);
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();
        listeners.forEach(l -> { for (SessionGrid t : targets) { t.migrations().removeListener(l); } });
        assertEquals(List.of(), stale);
        for (int i = 0; i < sessions; i++) {
            String last = Long.toString(acked.get(i));
            String s = "s-w" + i;
            assertEquals(last, d1.sessions().get(s, "cart").orElseThrow().elements().get("n"), "no write lost");
            SessionGrid owner = serverNode(client.servers().connection("c-w" + i).orElseThrow().server());
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertEquals(last, owner.sessions().get(s, "cart").orElseThrow().elements().get("n")));
        }
        assertEquals(4 * sessions, moves);
    }

    @Test
    void aDrainedMemberShutsDownGracefullyWithoutLosingASession() {
        // Other tests terminate data members; their partitions may still be migrating, which slows every move past
        // the tests' 5 s moveTimeout. A drain is what an operator starts on a settled cluster.
        await().atMost(Duration.ofMinutes(1)).until(() -> d1.hazelcast().getPartitionService().isClusterSafe());
        SessionGrid leaving = cluster.member("shop-server");
        await().atMost(Duration.ofMinutes(1)).until(() -> d1.hazelcast().getPartitionService().isClusterSafe());
        int n = 300;
        for (int i = 0; i < n; i++) {
            leaving.sessions().set("s-d" + i, "cart", Map.of("item", "v" + i));
            leaving.connections().opened("c-d" + i, "s-d" + i);
        }
        // The shared cluster's shop-server may still own a connection another test opened on it: drain them all.
        List<String> owned = client.servers().connections(id(leaving)).stream()
                .map(ConnectionOwnership::connectionId).toList();
        assertEquals(n, owned.stream().filter(c -> c.startsWith("c-d")).count(), owned::toString);

        DrainResult drain = client.migrations().drain(id(leaving));

        assertEquals(owned.size(), drain.completed(),
                () -> drain.moves().stream().filter(m -> !m.completed()).limit(3).toList().toString());
        assertEquals(0, client.servers().connections(id(leaving)).size());
        assertEquals(ServerState.DRAINING, client.servers().server(id(leaving)).orElseThrow().state());
        assertTrue(drain.byTarget().size() >= 3, "spread over the least-loaded servers: " + drain.byTarget());
        assertTrue(!drain.byTarget().containsKey(id(leaving)));
        String leavingId = id(leaving);
        leaving.close();
        await().untilAsserted(() -> assertTrue(client.servers().server(leavingId).isEmpty()));
        for (int i = 0; i < n; i++) {
            assertEquals("v" + i, client.sessions().get("s-d" + i, "cart").orElseThrow().elements().get("item"));
        }
        assertTrue(client.servers().orphans().stream().noneMatch(o -> o.connectionId().startsWith("c-d")));
    }

    @Test
    void aTargetTerminatedMidMoveRollsTheMoveBackToTheSource() throws Exception {
        SessionGrid target = cluster.lite("shop-server");
        seed(d1, "s-tt", 2);
        d1.connections().opened("c-tt", "s-tt");
        List<MoveEvent> atSource = new CopyOnWriteArrayList<>();
        String listener = d1.migrations().addListener(atSource::add);
        internals(target).holdIncomingMoves(true);
        CompletableFuture<MoveResult> move = CompletableFuture.supplyAsync(
                () -> client.migrations().migrateConnection("c-tt", id(target)));
        await().until(() -> client.servers().connection("c-tt").orElseThrow().phase() == ConnectionOwnership.Phase.MOVING);

        target.hazelcast().getLifecycleService().terminate();

        MoveResult result = move.get();
        assertEquals(MoveOutcome.ROLLED_BACK, result.outcome(), result::toString);
        assertTrue(result.reason().contains("left the cluster"), result.reason());
        ConnectionOwnership owner = client.servers().connection("c-tt").orElseThrow();
        assertEquals(id(d1), owner.server());
        assertEquals(ConnectionOwnership.Phase.OWNED, owner.phase());
        await().untilAsserted(() -> assertTrue(atSource.stream().anyMatch(e -> e instanceof MoveEvent.MoveRolledBack)));
        d1.migrations().removeListener(listener);
        // leave the shared cluster as the next test expects it: the dead target out of the registry
        String targetId = id(target);
        await().until(() -> client.servers().server(targetId).isEmpty());
    }

    @Test
    void aSourceTerminatedMidMoveStillCompletesAndItsOtherConnectionsAreOrphaned() throws Exception {
        // a member another test closed may still be handing its partitions over: start from a settled cluster
        await().atMost(Duration.ofMinutes(1)).until(() -> d1.hazelcast().getPartitionService().isClusterSafe());
        SessionGrid source = cluster.member("shop-server");
        Map<String, Map<String, String>> data = seed(source, "s-st", 3);
        source.connections().opened("c-st", "s-st");
        source.connections().opened("c-st-stays", "s-st-2");
        List<ConnectionOwnership> orphaned = new CopyOnWriteArrayList<>();
        String orphanListener = client.servers().addOrphanListener(orphaned::add);
        try {
            CompletableFuture<MoveResult> move = heldMoveToLite("c-st");
            String sourceId = id(source);

            source.hazelcast().getLifecycleService().terminate();
            await().untilAsserted(() -> assertTrue(client.servers().server(sourceId).isEmpty()));
            internals(lite).holdIncomingMoves(false);

            MoveResult result = move.get();
            assertEquals(MoveOutcome.COMPLETED, result.outcome(), result::toString);
            assertEquals(id(lite), client.servers().connection("c-st").orElseThrow().server());
            assertEquals(data.get("cart"), lite.sessions().get("s-st", "cart").orElseThrow().elements(), "no session lost");
            await().untilAsserted(() -> assertTrue(orphaned.stream().anyMatch(o -> o.connectionId().equals("c-st-stays"))));
            assertEquals(ConnectionOwnership.Phase.ORPHANED, client.servers().connection("c-st-stays").orElseThrow().phase());
            // Reopening it on a live server takes it over.
            d2.connections().opened("c-st-stays", "s-st-2");
            assertEquals(id(d2), client.servers().connection("c-st-stays").orElseThrow().server());
        } finally {
            internals(lite).holdIncomingMoves(false);
            client.servers().removeOrphanListener(orphanListener);
        }
        // leave the shared cluster settled: the terminated member's partitions handed over
        await().atMost(Duration.ofMinutes(1)).until(() -> d1.hazelcast().getPartitionService().isClusterSafe());
    }

    /**
     * The race the janitor's second pass closes: a move whose source dies is not the clean-up's to roll back (it
     * would complete), but its target never accepts, so it rolls back at its deadline, after the clean-up, to the
     * source that is gone. The connection then belongs to no live server and was not marked; the second pass marks
     * it orphaned, so the orphan listeners (the scaling engine among them) hear of it.
     */
    @Test
    void aMoveRolledBackOntoASourceThatLeftIsOrphanedByTheSecondCleanUp() throws Exception {
        SessionGrid source = cluster.member("shop-server");
        seed(source, "s-rb", 1);
        source.connections().opened("c-rb", "s-rb");
        List<ConnectionOwnership> orphaned = new CopyOnWriteArrayList<>();
        String orphanListener = client.servers().addOrphanListener(orphaned::add);
        try {
            CompletableFuture<MoveResult> move = heldMoveToLite("c-rb");
            String sourceId = id(source);

            source.hazelcast().getLifecycleService().terminate();
            await().untilAsserted(() -> assertTrue(client.servers().server(sourceId).isEmpty()));

            MoveResult result = move.get(); // the held target never accepts: rolled back at the deadline
            assertEquals(MoveOutcome.ROLLED_BACK, result.outcome(), result::toString);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ConnectionOwnership owner = client.servers().connection("c-rb").orElseThrow();
                assertEquals(ConnectionOwnership.Phase.ORPHANED, owner.phase(), owner::toString);
                assertEquals(sourceId, owner.server());
            });
            await().untilAsserted(() -> assertTrue(orphaned.stream().anyMatch(o -> o.connectionId().equals("c-rb"))));
        } finally {
            internals(lite).holdIncomingMoves(false);
            client.servers().removeOrphanListener(orphanListener);
        }
        // leave the shared cluster settled: the terminated member's partitions handed over
        await().atMost(Duration.ofMinutes(1)).until(() -> d1.hazelcast().getPartitionService().isClusterSafe());
    }

    /** Starts moving {@code connection} to the lite member, which holds it before it copies anything. */
    private static CompletableFuture<MoveResult> heldMoveToLite(String connection) {
        internals(lite).holdIncomingMoves(true);
        CompletableFuture<MoveResult> move = CompletableFuture.supplyAsync(
                () -> client.migrations().migrateConnection(connection, id(lite)));
        await().until(() -> client.servers().connection(connection).orElseThrow().phase()
                == ConnectionOwnership.Phase.MOVING);
        return move;
    }

    private static SessionGrid serverNode(String serverId) {
        for (SessionGrid g : List.of(d1, d2, d3, lite, client)) {
            if (id(g).equals(serverId)) {
                return g;
            }
        }
        throw new AssertionError("no node runs server " + serverId);
    }
}
