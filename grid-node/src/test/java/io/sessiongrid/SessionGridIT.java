package io.sessiongrid;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.sql.SqlResult;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.config.ConfigException;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.node.member.GridMember;
import io.sessiongrid.node.member.MemberConfigs;
import io.sessiongrid.session.SessionStore;
import io.sessiongrid.session.SessionStores;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
        await().atMost(Duration.ofSeconds(30)).until(() -> embedded.analyzer()
                .connectionSeries("s-conn", "conn-1", Duration.ofSeconds(1)).stream()
                .mapToLong(SeriesPoint::requests).sum() == 10);
        await().atMost(Duration.ofSeconds(30)).until(() -> client.analyzer().score("s-conn", "conn-1").isPresent());
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
        try (SqlResult result = client.hazelcast().getSql().execute("SELECT JSON_VALUE(elements, '$.lang') FROM \""
                + SessionStores.mapName("profile") + "\" WHERE sessionId = 's-sql'")) {
            assertEquals("fr", result.iterator().next().getObject(0));
        }
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
        }
    }

    @Test
    void javaDeserializationIsRestricted() {
        Config config = member.hazelcast().getConfig();
        assertTrue(config.getSerializationConfig().getJavaSerializationFilterConfig().getWhitelist().getPrefixes()
                .contains("com.hazelcast."));
    }

    @Test
    void unknownRoleIsRefusedBeforeAnythingStarts() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> GridMember.start(CONFIG, TestClusters.memberConfig(CLUSTER), false, "pinball"));
        assertTrue(e.getMessage().contains("[game-server, shop-server, edge]"), e.getMessage());
    }
}
