package io.sessiongrid.scaling.engine;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.sql.SqlRow;
import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.migration.ServerNode;
import io.sessiongrid.provision.InProcessProvisioner;
import io.sessiongrid.runtime.NodeComponent;
import io.sessiongrid.runtime.NodeOptions;
import io.sessiongrid.servers.ServerInfo;
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
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine on two real data members: only the oldest leads; a manual floor makes it provision a lite member
 * (in-process provisioner) that registers as a ready server and is promoted ({@code promotion: immediate}); decisions are readable through SQL and a listener;
 * every new server takes an identifier from the {@code sessiongrid-members} SNI reservation its scale-out made;
 * when the leader dies, the other data member takes over.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScalingEngineIT {
    private static final String CLUSTER = TestClusters.uniqueName(ScalingEngineIT.class);
    private static final SessionGridConfig CONFIG = SessionGridConfigLoader.parse("ScalingEngineIT",
            "scaling: { minMembers: 2, maxMembers: 4, decisionInterval: 1s, promotion: immediate }\n");
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

    @Test
    @Order(3)
    void theNextDataMemberTakesOverWhenTheLeaderDies() {
        String bId = b.node().serverId();
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
