package io.sessiongrid.examples.client;

import io.sessiongrid.SessionGrid;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A client application's class path is what {@code sessiongrid-client} brings, and that is enough: the store, the
 * connection tracker, the analyzer and the SNI service work through a client, against a member started on the same
 * class path (so without the arima forecaster too).
 */
class ClientQuickStartIT {
    static final String CLUSTER = TestClusters.uniqueName(ClientQuickStartIT.class);
    static final SessionGridConfig CONFIG = SessionGridConfigLoader.defaults();
    static SessionGrid member;
    static SessionGrid client;

    @BeforeAll
    static void start() {
        member = SessionGrid.embedded(CONFIG, TestClusters.memberConfig(CLUSTER));
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

    /** Smile and the arima forecaster, the CLI and the charts: none is on a client application's class path. */
    @ParameterizedTest
    @ValueSource(strings = {"smile.timeseries.ARIMA", "io.sessiongrid.forecast.smile.Arima",
            "picocli.CommandLine", "org.jfree.chart.JFreeChart"})
    void theClientArtifactLeavesOut(String className) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(className));
    }

    @Test
    void storeAnalyzerAndSniWorkThroughTheClient() {
        client.sessions().set("s-42", "cart", Map.of("sku-1", "2"));
        client.sessions().put("s-42", "cart", "sku-9", "1");
        assertEquals(Map.of("sku-1", "2", "sku-9", "1"), member.sessions().get("s-42", "cart").orElseThrow().elements());

        client.connections().opened("conn-1", "s-42");
        client.connections().request("conn-1", "GET /cart", 300, 4_000, 800, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> client.analyzer()
                .connectionSeries("s-42", "conn-1", Duration.ofSeconds(1)).stream()
                .mapToLong(SeriesPoint::requests).sum() == 1);

        client.sni().registerApp("video", 1);
        assertEquals(64, client.sni().allocate("video", 64).ids().count());
    }
}
