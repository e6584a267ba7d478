package io.sessiongrid.scaling.engine;

import com.hazelcast.sql.SqlRow;
import io.micrometer.core.instrument.MeterRegistry;
import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.ConfigException;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.runtime.NodeOptions;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.servers.ServerKind;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine the runtime starts on its own (no component added by the application), with the default
 * {@code scaling.provisioner: none}: it leads on the data member, records decisions that a client reads through
 * {@link SessionGrid#scaling()} and SQL, and a scale-out it decides starts nothing; its meters count decisions by
 * kind and report the ready servers. A provisioner that refuses its {@code scaling.provisionerSettings} fails the
 * node's start with a configuration error.
 */
class ConfiguredEngineIT {
    private static final String CLUSTER = TestClusters.uniqueName(ConfiguredEngineIT.class);
    private static final SessionGridConfig CONFIG = SessionGridConfigLoader.parse("ConfiguredEngineIT",
            "scaling: { minMembers: 1, maxMembers: 4, decisionInterval: 1s }\n");
    private static SessionGrid member;
    private static SessionGrid client;

    @BeforeAll
    static void start() {
        member = SessionGrid.start(NodeOptions.builder().config(CONFIG).member(TestClusters.memberConfig(CLUSTER))
                .shutdownHook(false).build());
        client = SessionGrid.client(CONFIG, TestClusters.clientConfig(CLUSTER, member.hazelcast()));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (member != null) {
            member.close();
        }
    }

    @Test
    void theRuntimeRunsTheEngineWhichRecordsButProvisionsNothing() {
        assertEquals("none", CONFIG.scaling().provisioner());
        ScalingEngineComponent engine = member.node().component(ScalingEngineComponent.class).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(engine::active);
        await().atMost(Duration.ofSeconds(30)).until(() -> !client.scaling().decisions(5).isEmpty());
        assertEquals(member.node().serverId(), client.scaling().decisions(1).get(0).member());
        assertFalse(client.scaling().decisionsSince(java.time.Instant.now().minusSeconds(30)).isEmpty(),
                "the recent decisions by a key query (what the alert monitor checks)");
        assertTrue(client.scaling().decisionsSince(java.time.Instant.now().plusSeconds(60)).isEmpty());

        // A floor above the one server makes the policy scale out; with provisioner none that is only recorded.
        client.scaling().scaleServers(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> member.scaling().decisions(20).stream()
                .anyMatch(d -> d.kind().equals("scale_out")));
        DecisionRecord out = member.scaling().decisions(20).stream().filter(d -> d.kind().equals("scale_out"))
                .findFirst().orElseThrow();
        assertTrue(out.reason().contains(ScalingEngineComponent.RECORD_ONLY), out.reason());
        assertEquals(1, member.hazelcast().getCluster().getMembers().size(), "no server was started");
        assertEquals(List.of(member.node().serverId()), member.servers().servers().stream()
                .filter(s -> s.kind() != ServerKind.CLIENT).map(ServerInfo::id).toList(), "no server was registered");

        List<String> kinds = new ArrayList<>();
        try (var rows = member.hazelcast().getSql().execute("SELECT kind FROM \"" + ScalingMaps.DECISIONS
                + "\" WHERE kind = 'scale_out'")) {
            for (SqlRow row : rows) {
                kinds.add(row.getObject("kind"));
            }
        }
        assertFalse(kinds.isEmpty(), "decisions are readable through SQL");

        MeterRegistry meters = member.node().metrics().orElseThrow().registry();
        assertTrue(meters.get("sessiongrid.scaling.decisions").tag("kind", "scale_out").counter().count() >= 1);
        assertEquals(1.0, meters.get("sessiongrid.scaling.engine.active").gauge().value());
        assertEquals(1.0, meters.get("sessiongrid.scaling.servers.ready").gauge().value(), "the one data member");
        assertEquals(CONFIG.scaling().capacityPerServer(),
                meters.get("sessiongrid.scaling.capacity.ready").gauge().value());
        client.scaling().release();
    }

    @Test
    void provisionerSettingsTheProvisionerDoesNotKnowFailTheStartAsAConfigError() {
        SessionGridConfig bad = SessionGridConfigLoader.parse("bad.yaml",
                "scaling: { provisioner: in-process, provisionerSettings: { colour: blue } }\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SessionGrid.start(NodeOptions.builder()
                .config(bad).member(TestClusters.memberConfig(CLUSTER + "-bad")).shutdownHook(false).build()));
        assertEquals("scaling.provisionerSettings", e.path());
        assertTrue(e.getMessage().contains("unknown setting 'colour'; allowed: [hazelcast]"), e.getMessage());
    }
}
