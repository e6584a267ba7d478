package io.sessiongrid.scaling.engine;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import com.hazelcast.sql.SqlRow;
import io.sessiongrid.SessionGrid;
import io.sessiongrid.analyzer.ConnectionTracker;
import io.sessiongrid.config.PartitionTypeConfig;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.migration.ServerNode;
import io.sessiongrid.provision.InProcessProvisioner;
import io.sessiongrid.runtime.NodeComponent;
import io.sessiongrid.runtime.NodeOptions;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.servers.ServerRegistry;
import io.sessiongrid.session.SessionStore;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine on two real data members: only the oldest leads; a manual floor makes it provision a lite member
 * (in-process provisioner) that registers as a ready server and is promoted ({@code promotion: immediate}); decisions are readable through SQL and a listener;
 * every new server takes an identifier from the {@code sessiongrid-members} SNI reservation its scale-out made;
 * released from the floor, the engine scales in to minMembers, retiring the promoted data members gracefully, one at
 * a time and only while the cluster is safe, with no session lost; when the leader dies, the other data member takes
 * over.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScalingEngineIT {
    private static final String CLUSTER = TestClusters.uniqueName(ScalingEngineIT.class);
    private static final SessionGridConfig CONFIG = SessionGridConfigLoader.parse("ScalingEngineIT",
            // cooldown: long enough that the engine does not scale in the server it provisioned while alone before
            // the floor test sets its floor, short enough that the scale-in after the floor's release waits little
            "scaling: { minMembers: 2, maxMembers: 4, decisionInterval: 1s, cooldown: 10s, promotion: immediate }\n");
    private static final int SESSIONS = 200;
    private static final List<SessionGrid> nodes = new ArrayList<>();
    private static final List<DecisionRecord> heard = new CopyOnWriteArrayList<>();
    private static ScalingEngineComponent engineA;
    private static ScalingEngineComponent engineB;
    private static SessionGrid a;
    private static SessionGrid b;

    @BeforeAll
    static void start() {
        engineA = engine();
        a = node(engineA);
        engineB = engine();
        b = node(engineB);
    }

    @AfterAll
    static void stop() {
        for (SessionGrid n : nodes) {
            try {
                n.close();
            } catch (RuntimeException ignored) {
                // already terminated by the takeover test
            }
        }
        for (HazelcastInstance h : Hazelcast.getAllHazelcastInstances()) {
            if (h.getConfig().getClusterName().equals(CLUSTER)) {
                h.shutdown();
            }
        }
    }

    @Test
    @Order(1)
    void onlyTheOldestDataMemberLeads() {
        await().atMost(Duration.ofSeconds(30)).until(engineA::active);
        assertFalse(engineB.active(), "the younger data member stands by");
    }

    @Test
    @Order(2)
    void aManualFloorProvisionsALiteServerThatRegistersReady() {
        ScalingControl control = new ScalingControl(b.hazelcast());
        control.addDecisionListener(heard::add);
        // A alone was below minMembers 2 and may already have provisioned one: the floor of 4 (the maximum) is
        // above whatever is committed now, so it always makes a new scale-out.
        control.scaleServers(4);
        await().atMost(Duration.ofMinutes(1)).until(() -> ready(a).size() == 4);
        assertTrue(ready(a).stream().anyMatch(s -> "edge".equals(s.role())), "the new server has the engine's role");
        // New capacity joins as a lite member (the in-process provisioner starts lite members only); with
        // promotion: immediate the engine then promotes it on the member itself.
        await().atMost(Duration.ofMinutes(1)).until(() -> a.hazelcast().getCluster().getMembers().stream()
                .filter(m -> !m.isLiteMember()).count() == 4);

        // Each scale-out reserved member identifiers before launching; each new (lite) server took one of them.
        await().atMost(Duration.ofSeconds(30)).until(() -> a.sni().status(MemberIdReservations.APP).leased() >= 2);
        assertTrue(a.sni().status(MemberIdReservations.APP).chunks() >= 1);

        List<DecisionRecord> decisions = control.decisions(100);
        assertTrue(decisions.stream().anyMatch(d -> d.kind().equals("scale_out") && d.reason().contains("minimum of 4")),
                decisions.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream().anyMatch(d -> d.kind().equals("scale_out")));
        List<String> kinds = new ArrayList<>();
        try (var rows = a.hazelcast().getSql().execute("SELECT kind, decidedBy FROM \"" + ScalingMaps.DECISIONS
                + "\" WHERE kind = 'scale_out'")) {
            for (SqlRow row : rows) {
                kinds.add(row.getObject("kind"));
            }
        }
        assertFalse(kinds.isEmpty(), "decisions are readable through SQL");
    }

    /**
     * Released from its floor, the engine scales in to minMembers: it retires the two promoted servers (B serves a
     * connection, so they are the least loaded), each a data member, one at a time (backup count 1), only while
     * the cluster is safe, and gracefully: each hands its partition replicas over before it leaves. Every session
     * written before reads back.
     */
    @Test
    @Order(3)
    void releasingTheFloorRetiresPromotedDataMembersOneAtATimeAndGracefully() throws InterruptedException {
        HazelcastInstance master = a.hazelcast();
        int backups = CONFIG.partitions().values().stream().mapToInt(PartitionTypeConfig::backupCount).min().orElseThrow();
        List<UUID> promoted = master.getCluster().getMembers().stream()
                .filter(m -> !m.isLiteMember() && !m.localMember()
                        && !m.getUuid().equals(b.hazelcast().getLocalEndpoint().getUuid()))
                .map(Member::getUuid).toList();
        assertEquals(2, promoted.size(), master.getCluster().getMembers().toString());

        // Promotions done: no migration runs now, so the replica moves seen from here on are the scale-in's.
        await().atMost(Duration.ofMinutes(1)).until(master.getPartitionService()::isClusterSafe);

        // What held when each data member began to leave (its SHUTTING_DOWN, on the thread that shuts it down):
        // how many data members were leaving then (began, still members in the master's view), and cluster safety.
        List<Leaving> leaving = new CopyOnWriteArrayList<>();
        Set<UUID> began = ConcurrentHashMap.newKeySet();
        Set<UUID> shutDown = ConcurrentHashMap.newKeySet();
        Map<HazelcastInstance, UUID> lifecycleListeners = new java.util.HashMap<>();
        for (HazelcastInstance h : Hazelcast.getAllHazelcastInstances()) {
            if (!h.getConfig().getClusterName().equals(CLUSTER) || h == master) {
                continue;
            }
            UUID id = h.getLocalEndpoint().getUuid();
            lifecycleListeners.put(h, h.getLifecycleService().addLifecycleListener(e -> {
                if (e.getState() == LifecycleEvent.LifecycleState.SHUTTING_DOWN
                        && !h.getCluster().getLocalMember().isLiteMember()) {
                    began.add(id);
                    long atOnce = master.getCluster().getMembers().stream()
                            .filter(m -> !m.isLiteMember() && began.contains(m.getUuid())).count();
                    leaving.add(new Leaving(id, atOnce, master.getPartitionService().isClusterSafe()));
                } else if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                    shutDown.add(id);
                }
            }));
        }
        // Replicas a leaving member handed over itself (it is the migration's source): only a member still in the
        // cluster, shutting down gracefully, does that; a terminated member's replicas come back from its backups.
        Set<UUID> handedOver = ConcurrentHashMap.newKeySet();
        UUID migrations = master.getPartitionService().addMigrationListener(new MigrationListener() {
            @Override
            public void migrationStarted(MigrationState state) {
            }

            @Override
            public void migrationFinished(MigrationState state) {
            }

            @Override
            public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
                if (event.getSource() != null && began.contains(event.getSource().getUuid())) {
                    handedOver.add(event.getSource().getUuid());
                }
            }

            @Override
            public void replicaMigrationFailed(ReplicaMigrationEvent event) {
            }
        });

        SessionStore sessions = a.sessions();
        for (int i = 0; i < SESSIONS; i++) {
            sessions.set("s-" + i, "cart", Map.of("sku", String.valueOf(i)));
        }
        // B's application serves a connection: B carries load, the promoted servers none, so they retire first.
        ConnectionTracker tracker = b.node().component(ServerNode.class).orElseThrow().tracker();
        tracker.opened("c-b", "s-0");
        AtomicBoolean serving = new AtomicBoolean(true);
        Thread app = new Thread(() -> {
            while (serving.get()) {
                sessions.get("s-0", "cart");
                tracker.request("c-b", "get", 16, 64, 200, false);
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }, "scaling-engine-it-app");
        app.start();
        try {
            ServerRegistry registry = b.node().component(ServerNode.class).orElseThrow().servers();
            String bId = b.node().serverId();
            await().atMost(Duration.ofSeconds(30)).until(() -> registry.load(bId).recentRequestRate() > 0);

            new ScalingControl(b.hazelcast()).release();
            await().atMost(Duration.ofMinutes(1)).until(() -> master.getCluster().getMembers().size() == 2
                    && shutDown.containsAll(promoted));
        } finally {
            serving.set(false);
            master.getPartitionService().removeMigrationListener(migrations);
            // the listeners read the master, which the takeover test terminates before the others shut down
            lifecycleListeners.forEach((h, id) -> {
                if (h.getLifecycleService().isRunning()) {
                    h.getLifecycleService().removeLifecycleListener(id);
                }
            });
        }
        app.join();

        assertEquals(Set.copyOf(promoted), Set.copyOf(leaving.stream().map(Leaving::member).toList()),
                "the promoted data members left, B stayed: " + leaving);
        for (Leaving l : leaving) {
            assertTrue(l.atOnce() <= backups, "never more data members leaving at once than the backup count: " + leaving);
            assertTrue(l.clusterSafe(), "a data member began to leave only while the cluster was safe: " + leaving);
        }
        assertTrue(handedOver.containsAll(promoted), "each retired member handed its replicas over itself (graceful "
                + "shutdown, not terminated): sources " + handedOver + ", retired " + promoted);
        List<DecisionRecord> decisions = new ScalingControl(a.hazelcast()).decisions(50);
        Set<String> chosen = decisions.stream().filter(d -> d.kind().equals("scale_in"))
                .flatMap(d -> d.retired().stream()).collect(java.util.stream.Collectors.toSet());
        assertTrue(chosen.containsAll(promoted.stream().map(UUID::toString).toList()),
                "the engine's scale-in decisions named them: " + decisions);
        int found = 0;
        for (int i = 0; i < SESSIONS; i++) {
            String v = String.valueOf(i);
            if (b.sessions().get("s-" + i, "cart").map(p -> v.equals(p.elements().get("sku"))).orElse(false)) {
                found++;
            }
        }
        assertEquals(SESSIONS, found, "every session reads back after the scale-in");
        tracker.closed("c-b");
    }

    /** A data member that began to leave, how many were leaving then (itself included), and cluster safety. */
    private record Leaving(UUID member, long atOnce, boolean clusterSafe) {
    }

    @Test
    @Order(4)
    void theNextDataMemberTakesOverWhenTheLeaderDies() {
        String bId = b.node().serverId();
        // Paused, the new leader records a hold each interval instead of provisioning a server to replace A (B alone
        // is below minMembers), which would only start while this class tears its cluster down.
        new ScalingControl(b.hazelcast()).pause();
        a.hazelcast().getLifecycleService().terminate();
        await().atMost(Duration.ofSeconds(30)).until(engineB::active);
        ScalingControl control = new ScalingControl(b.hazelcast());
        await().atMost(Duration.ofSeconds(30)).until(() -> control.decisions(5).stream()
                .anyMatch(d -> d.member().equals(bId)));
        assertEquals(bId, control.decisions(1).get(0).member());
    }

    private static List<ServerInfo> ready(SessionGrid node) {
        return node.node().component(ServerNode.class).orElseThrow().servers().servers().stream()
                .filter(ServerInfo::ready).toList();
    }

    private static ScalingEngineComponent engine() {
        InProcessProvisioner provisioner = new InProcessProvisioner(CONFIG, ScalingEngineIT::memberConfig,
                Clock.systemUTC());
        return new ScalingEngineComponent(provisioner, "edge");
    }

    private static SessionGrid node(NodeComponent component) {
        SessionGrid n = SessionGrid.start(NodeOptions.builder().config(CONFIG).member(TestClusters.memberConfig(CLUSTER))
                .component(component).shutdownHook(false).build());
        nodes.add(n);
        return n;
    }

    /**
     * New servers (no engine component of their own here) get the decisions map's configuration too: a promoted
     * one holds some of its partitions. The two data members get it from their engine component.
     */
    private static Config memberConfig() {
        return ScalingMaps.configureMember(TestClusters.memberConfig(CLUSTER));
    }
}
