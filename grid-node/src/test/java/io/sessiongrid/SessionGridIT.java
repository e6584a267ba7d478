package io.sessiongrid;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.sql.SqlResult;
import io.sessiongrid.analyzer.AnalyzerJobs;
import io.sessiongrid.analyzer.HealthScore;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.analyzer.score.ConnectionHealth;
import io.sessiongrid.analyzer.score.HealthScorer;
import io.sessiongrid.analyzer.score.Score;
import io.sessiongrid.analyzer.score.ScoreParams;
import io.sessiongrid.config.ConfigException;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.node.member.GridMember;
import io.sessiongrid.node.member.MemberConfigs;
import io.sessiongrid.profiler.ProfilerConfig;
import io.sessiongrid.session.SessionStore;
import io.sessiongrid.session.SessionStores;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade and the member launcher, with the shipped default configuration. */
class SessionGridIT {
    static final String CLUSTER = TestClusters.uniqueName(SessionGridIT.class);
    static final SessionGridConfig CONFIG = SessionGridConfigLoader.defaults();
    static GridMember member;
    static SessionGrid embedded;
    static SessionGrid client;

    @BeforeAll
    static void start() {
        member = GridMember.start(CONFIG, TestClusters.memberConfig(CLUSTER), false, "game-server");
        embedded = SessionGrid.embedded(CONFIG, TestClusters.memberConfig(CLUSTER));
        ClientConfig clientConfig = TestClusters.clientConfig(CLUSTER, member.hazelcast(), embedded.hazelcast());
        client = SessionGrid.client(CONFIG, clientConfig);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (embedded != null) {
            embedded.close();
        }
        if (member != null) {
            member.shutdown();
        }
    }

    @Test
    void embeddedAndClientShareTheSessions() {
        embedded.sessions().set("s-1", "auth", Map.of("token", "abc"));
        client.sessions().put("s-1", "auth", "user", "alice");
        assertEquals(Map.of("token", "abc", "user", "alice"), embedded.sessions().get("s-1", "auth").orElseThrow().elements());
    }

    @Test
    void connectionEventsFromTheClientAreAggregatedAndScored() {
        client.connections().opened("conn-1", "s-conn");
        for (int i = 0; i < 10; i++) {
            client.connections().request("conn-1", "GET /cart", 200, 2_000, 350, false);
        }
        // Generous: the analyzer job restarts when the embedded member joins (from a snapshot, nothing lost), and on
        // a loaded 2-core machine that restart has delayed the first windows past 30 s once.
        await().atMost(Duration.ofSeconds(90)).until(() -> embedded.analyzer()
                .connectionSeries("s-conn", "conn-1", Duration.ofSeconds(1)).stream()
                .mapToLong(SeriesPoint::requests).sum() == 10);
        // Every figure the ten requests imply, summed over the 1 s windows they landed in.
        List<SeriesPoint> seconds = embedded.analyzer().connectionSeries("s-conn", "conn-1", Duration.ofSeconds(1));
        assertEquals(List.of(10L, 0L, 2_000L, 20_000L, 3_500L, 1L), List.of(
                sum(seconds, SeriesPoint::requests), sum(seconds, SeriesPoint::errors),
                sum(seconds, SeriesPoint::bytesIn), sum(seconds, SeriesPoint::bytesOut),
                sum(seconds, SeriesPoint::latencyMicros), sum(seconds, SeriesPoint::opens)));

        // The score the health formula gives on the connection's scoring windows (recomputed from the stored
        // windows; a connection that stays open and quiet keeps being scored, so compare one consistent pair).
        Duration scoring = AnalyzerJobs.scoreInterval(CONFIG.analyzer());
        ScoreParams params = ScoreParams.of(scoring,
                CONFIG.scaling().provisioningTime().plus(CONFIG.scaling().warmUpTime()), ScoreParams.DEFAULT_REFERENCE_RATE);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HealthScore stored = client.analyzer().score("s-conn", "conn-1").orElseThrow();
            List<SeriesPoint> windows = client.analyzer().connectionSeries("s-conn", "conn-1", scoring);
            SeriesPoint newest = windows.get(windows.size() - 1);
            assertEquals(stored.windowEnd(), newest.windowStart() + newest.intervalMillis());
            ConnectionHealth health = new ConnectionHealth();
            windows.forEach(w -> health.observe(w.windowStart(), w.intervalMillis(), w.requests(), w.errors(), false));
            Score expected = new HealthScorer(params).score(health);
            assertEquals(expected.score(), stored.score(), stored.toString());
            assertEquals(expected.reason(), stored.reason());
            assertEquals(expected.predictedRate(), stored.predictedRate(), 1e-9);
            assertEquals(0.0, stored.errorRate());
            assertEquals(false, stored.closed());
        });
    }

    private static long sum(List<SeriesPoint> points, ToLongFunction<SeriesPoint> figure) {
        return points.stream().mapToLong(figure).sum();
    }

    @Test
    void aManualFloorAboveTheEnginesMaximumIsRefusedNotSilentlyClamped() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> client.scaling().scaleServers(CONFIG.scaling().maxMembers() + 1));
        assertTrue(tooMany.getMessage().contains("above scaling.maxMembers (8)"), tooMany.getMessage());
        assertEquals(0, client.scaling().floor(), "nothing written");
        assertThrows(NullPointerException.class, () -> client.scaling().decisionsSince(null));
    }

    @Test
    void identifiersComeFromTheSamePoolEmbeddedAndThroughTheClient() {
        embedded.sni().registerApp("video", 1);
        Set<Long> ids = new HashSet<>();
        client.sni().allocate("video", 50).ids().forEach(ids::add);
        embedded.sni().allocate("video", 50).ids().forEach(ids::add);
        assertEquals(100, ids.size(), "no identifier handed out twice");
        assertEquals(100, client.sni().status("video").leased());
    }

    @Test
    void memberCarriesItsRoleAndSqlMappings() {
        assertEquals("game-server", member.hazelcast().getCluster().getLocalMember().getAttribute(MemberConfigs.ROLE_ATTRIBUTE));
        client.sessions().set("s-sql", "profile", Map.of("lang", "fr"));
        // Right after another test's lite member left, Hazelcast SQL may still plan on it ("Selected members do not
        // contain the required member") until the member list has settled: retry the query, not the assertion.
        await().atMost(Duration.ofSeconds(30)).ignoreException(com.hazelcast.sql.HazelcastSqlException.class)
                .untilAsserted(() -> {
                    try (SqlResult result = client.hazelcast().getSql().execute("SELECT JSON_VALUE(elements, '$.lang') FROM \""
                            + SessionStores.mapName("profile") + "\" WHERE sessionId = 's-sql'")) {
                        assertEquals("fr", result.iterator().next().getObject(0));
                    }
                });
    }

    @Test
    void aLiteMemberJoinsOwnsNothingAndServesTheSameSessions() {
        GridMember lite = GridMember.start(CONFIG, TestClusters.memberConfig(CLUSTER), true, "edge");
        try {
            assertTrue(lite.hazelcast().getCluster().getLocalMember().isLiteMember());
            embedded.sessions().set("s-lite", "auth", Map.of("token", "t"));
            SessionStore viaLite = SessionStores.create(lite.hazelcast(), CONFIG);
            assertEquals("t", viaLite.get("s-lite", "auth").orElseThrow().elements().get("token"));
            assertEquals(0, lite.hazelcast().getPartitionService().getPartitions().stream()
                    .filter(p -> lite.hazelcast().getCluster().getLocalMember().equals(p.getOwner())).count());
        } finally {
            lite.shutdown();
            await().atMost(Duration.ofSeconds(30)).until(() -> client.hazelcast().getCluster().getMembers().size() == 2);
        }
    }

    /**
     * The filter that {@code SessionGrid.embedded} and the member launcher ({@code ./sessiongrid start}) install:
     * a Java-serialized class outside its allowlist is refused on the member; JDK classes and SessionGrid's own (what
     * Jet job definitions carry) pass.
     */
    @Test
    void membersRefuseJavaSerializedClassesOutsideTheAllowlist() {
        IMap<String, Object> viaClient = client.hazelcast().getMap("java-filter-check");
        viaClient.put("outside", new AssertionFailedError("a Serializable class of another library"));
        viaClient.put("jdk", new ArrayList<>(List.of("a", "b")));
        viaClient.put("ours", ProfilerConfig.defaults());
        for (HazelcastInstance onMember : List.of(member.hazelcast(), embedded.hazelcast())) {
            IMap<String, Object> map = onMember.getMap("java-filter-check");
            HazelcastSerializationException refused = assertThrows(HazelcastSerializationException.class,
                    () -> map.get("outside"));
            assertTrue(causes(refused).contains("Resolving class org.opentest4j.AssertionFailedError is not allowed."),
                    causes(refused));
            assertEquals(List.of("a", "b"), map.get("jdk"));
            assertEquals(ProfilerConfig.defaults(), map.get("ours"));
        }
    }

    private static String causes(Throwable t) {
        StringBuilder messages = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            messages.append(c.getMessage()).append(" / ");
        }
        return messages.toString();
    }

    @Test
    void unknownRoleIsRefusedBeforeAnythingStarts() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> GridMember.start(CONFIG, TestClusters.memberConfig(CLUSTER), false, "pinball"));
        assertTrue(e.getMessage().contains("[game-server, shop-server, edge]"), e.getMessage());
    }
}
