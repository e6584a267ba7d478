package io.sessiongrid.runtime;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import io.sessiongrid.SessionGrid;
import io.sessiongrid.analyzer.ConnectionTracker;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.node.member.MemberConfigs;
import io.sessiongrid.node.sni.ProfileFeed;
import io.sessiongrid.node.sni.SniSweeper;
import io.sessiongrid.session.SessionStores;
import io.sessiongrid.testkit.TestClusters;
import io.sessiongrid.time.ManualScheduler;
import io.sessiongrid.time.ScheduledTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one node runtime with real members and a client: what starts, in which order, and how it stops. */
class NodeRuntimeIT {
    static final String CLUSTER = TestClusters.uniqueName(NodeRuntimeIT.class);
    static final SessionGridConfig CONFIG = SessionGridConfigLoader.defaults();
    static SessionGrid embedded;
    static SessionGrid client;

    /** Records what a component sees of its node. */
    static final class Probe implements NodeComponent {
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicInteger ticks = new AtomicInteger();
        final AtomicInteger ticksOnADeadInstance = new AtomicInteger();
        volatile NodeContext node;
        volatile ScheduledTask tick;

        @Override
        public void configureMember(Config member, NodeOptions options) {
            member.getMapConfig("probe.*").setBackupCount(2); // something this component needs on members
            events.add("configure member");
        }

        @Override
        public void start(NodeContext node) {
            this.node = node;
            events.add("start " + node.kind() + " role=" + node.role().orElse("-")
                    + " feed=" + node.component(ProfileFeed.class).isPresent());
            tick = node.scheduler().atFixedRate("probe", Duration.ZERO, Duration.ofMillis(20), () -> {
                ticks.incrementAndGet();
                if (!node.hazelcast().getLifecycleService().isRunning()) {
                    ticksOnADeadInstance.incrementAndGet();
                }
            });
        }

        @Override
        public void close() {
            events.add("close running=" + node.hazelcast().getLifecycleService().isRunning());
        }
    }

    static final Probe EMBEDDED_PROBE = new Probe();

    @BeforeAll
    static void start() {
        embedded = SessionGrid.start(NodeOptions.builder().config(CONFIG)
                .member(TestClusters.memberConfig(CLUSTER)).role("shop-server").serverId("shop-1")
                .component(EMBEDDED_PROBE).build());
        client = SessionGrid.client(CONFIG, TestClusters.clientConfig(CLUSTER, embedded.hazelcast()));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void anEmbeddedMemberCreatesTheSqlMappingsOfEveryPartitionType() {
        Set<String> mappings = new TreeSet<>();
        try (SqlResult result = client.hazelcast().getSql().execute("SHOW MAPPINGS")) {
            for (SqlRow row : result) {
                mappings.add(row.getObject(0));
            }
        }
        for (String type : CONFIG.partitions().keySet()) {
            assertTrue(mappings.contains(SessionStores.mapName(type)), type + " in " + mappings);
        }
        assertEquals(CONFIG.partitions().size(), mappings.stream()
                .filter(m -> m.startsWith("sessiongrid.partition.")).count());
        embedded.sessions().set("s-sql", "cart", Map.of("sku-1", "3"));
        try (SqlResult result = client.hazelcast().getSql().execute("SELECT JSON_VALUE(elements, '$.sku-1') FROM \""
                + SessionStores.mapName("cart") + "\" WHERE sessionId = 's-sql'")) {
            assertEquals("3", result.iterator().next().getObject(0));
        }
    }

    @Test
    void theNodeCarriesItsKindRoleAndServerIdAndStartsComponentsAfterTheBuiltInOnes() {
        NodeContext node = embedded.node();
        assertEquals(NodeKind.DATA_MEMBER, node.kind());
        assertEquals(Optional.of("shop-server"), node.role());
        assertEquals("shop-1", node.serverId());
        assertEquals("shop-server", embedded.hazelcast().getCluster().getLocalMember()
                .getAttribute(MemberConfigs.ROLE_ATTRIBUTE));
        assertEquals("false", embedded.hazelcast().getConfig().getProperty("hazelcast.shutdownhook.enabled"),
                "Hazelcast's own hook would race the node's ordered stop");
        assertEquals(List.of("configure member", "start DATA_MEMBER role=shop-server feed=true"), EMBEDDED_PROBE.events);
        assertEquals(2, embedded.hazelcast().getConfig().getMapConfig("probe.x").getBackupCount(),
                "the component's configuration reached the member");
        assertTrue(node.component(SniSweeper.class).isPresent());
        assertEquals(Optional.of(EMBEDDED_PROBE), node.component(Probe.class));
        await().atMost(Duration.ofSeconds(10)).until(() -> EMBEDDED_PROBE.ticks.get() > 0);
    }

    @Test
    void aClientGetsTheSameApiAndNoMemberDuties() {
        NodeContext node = client.node();
        assertEquals(NodeKind.CLIENT, node.kind());
        assertEquals(client.hazelcast().getLocalEndpoint().getUuid().toString(), node.serverId());
        assertTrue(node.component(ProfileFeed.class).isPresent(), "every node feeds its own SNI reservations");
        client.sessions().set("s-client", "cart", Map.of("sku-1", "3"));
        client.sessions().put("s-client", "cart", "sku-2", "1");
        assertEquals(Map.of("sku-1", "3", "sku-2", "1"),
                embedded.sessions().get("s-client", "cart").orElseThrow().elements());
    }

    @Test
    void aNodeOnVirtualTimeFlushesItsTrackerOnlyAsTheTestMovesTheClock() {
        ManualScheduler virtual = new ManualScheduler(Instant.now());
        try (SessionGrid simulated = SessionGrid.start(NodeOptions.builder().config(CONFIG)
                .client(TestClusters.clientConfig(CLUSTER, embedded.hazelcast()))
                .clock(virtual.clock()).scheduler(virtual).build())) {
            ConnectionTracker tracker = simulated.connections();
            tracker.opened("conn-virtual", "s-virtual");
            for (int i = 0; i < 10; i++) {
                tracker.request("conn-virtual", "GET /game", 100, 1_000, 200, false);
            }
            assertEquals(4, virtual.pending(), "the tracker's flush, the SNI feed, the server's load report and the "
                    + "alert check wait on virtual time, no thread");
            // The same tracker and Jet job as live: each poll moves virtual time on by one flush interval.
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                virtual.advance(Duration.ofSeconds(1));
                return embedded.analyzer().connectionSeries("s-virtual", "conn-virtual", Duration.ofSeconds(1))
                        .stream().mapToLong(SeriesPoint::requests).sum() == 10;
            });
            assertEquals(0, tracker.failedFlushes());
        }
    }

    @Test
    void aLiteMemberStartsWithoutSqlAndStopsBeforeItsInstanceWithNoTaskLeft() {
        Probe probe = new Probe();
        SessionGrid lite = SessionGrid.start(NodeOptions.builder().config(CONFIG)
                .liteMember(TestClusters.memberConfig(CLUSTER)).role("edge").component(probe).build());
        HazelcastInstance hz = lite.hazelcast();
        try {
            assertTrue(hz.getCluster().getLocalMember().isLiteMember());
            assertEquals(NodeKind.LITE_MEMBER, lite.node().kind());
            embedded.sessions().set("s-lite", "auth", Map.of("token", "t"));
            assertEquals("t", lite.sessions().get("s-lite", "auth").orElseThrow().elements().get("token"));
            await().atMost(Duration.ofSeconds(10)).until(() -> probe.ticks.get() > 0);
        } finally {
            lite.close();
        }
        assertEquals(List.of("configure member", "start LITE_MEMBER role=edge feed=true", "close running=true"), probe.events,
                "components close while the instance still runs");
        assertFalse(hz.getLifecycleService().isRunning());
        assertTrue(probe.tick.isCancelled(), "the node cancels what its components left scheduled");
        int ticks = probe.ticks.get();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> probe.ticks.get() == ticks);
        assertEquals(0, probe.ticksOnADeadInstance.get());
    }

    @Test
    void anInstanceTerminatedUnderneathTheNodeStopsTheNodeFirst() {
        Probe probe = new Probe();
        SessionGrid doomed = SessionGrid.start(NodeOptions.builder().config(CONFIG)
                .liteMember(TestClusters.memberConfig(CLUSTER)).component(probe).build());
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.ticks.get() > 0);
        doomed.hazelcast().getLifecycleService().terminate();
        assertTrue(probe.tick.isCancelled());
        assertEquals(List.of("configure member", "start LITE_MEMBER role=- feed=true", "close running=true"), probe.events,
                "the components closed as the instance started to go, while it still ran");
        doomed.close(); // a no-op now
        assertEquals(3, probe.events.size());
        assertEquals(0, probe.ticksOnADeadInstance.get());
    }

    @Test
    void aComponentMayStopItsOwnNodeFromItsScheduledTask() {
        Probe probe = new Probe();
        NodeComponent retiring = new NodeComponent() {
            @Override
            public void start(NodeContext node) {
                node.scheduler().once("retire", Duration.ofMillis(200), () -> node.hazelcast().shutdown());
            }
        };
        SessionGrid retired = SessionGrid.start(NodeOptions.builder().config(CONFIG)
                .liteMember(TestClusters.memberConfig(CLUSTER)).component(probe).component(retiring).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> !retired.hazelcast().getLifecycleService().isRunning());
        assertEquals(List.of("configure member", "start LITE_MEMBER role=- feed=true", "close running=true"), probe.events);
        assertTrue(probe.tick.isCancelled());
        retired.close();
    }

    @Test
    void aComponentWhoseStartFailsIsClosedWithTheOthersAndTheStartFails() {
        Probe probe = new Probe();
        List<String> failing = new java.util.concurrent.CopyOnWriteArrayList<>();
        NodeComponent broken = new NodeComponent() {
            @Override
            public void start(NodeContext node) {
                failing.add("started a thread");
                throw new IllegalStateException("cannot start");
            }

            @Override
            public void close() {
                failing.add("closed");
            }
        };
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> SessionGrid.start(NodeOptions.builder().config(CONFIG)
                        .liteMember(TestClusters.memberConfig(CLUSTER)).component(probe).component(broken).build()));
        assertEquals("cannot start", e.getMessage());
        assertEquals(List.of("started a thread", "closed"), failing, "what it began is released");
        assertEquals("close running=true", probe.events.get(probe.events.size() - 1), "the started one closed too");
    }
}
