package io.sessiongrid.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Prometheus (Debian's {@code prometheus} package; skipped where it is not installed) scrapes a node with
 * the repository's {@code deploy/prometheus/prometheus.yml} and loads its {@code alerts.yml}: the node's default
 * endpoint is one of the sample's targets, the target is up, a SessionGrid meter is queryable and every alert rule
 * is loaded and healthy. The only change to the sample: a 1 s scrape interval, so the test need not wait 15 s.
 */
class PrometheusScrapeIT {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path SAMPLES = Path.of("..", "deploy", "prometheus");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theSampleConfigurationScrapesANodeAndLoadsTheAlertRules() throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS), "skipped: prometheus (Debian package prometheus) is not installed");
        String sample = Files.readString(SAMPLES.resolve("prometheus.yml"));
        assertTrue(sample.contains("scrape_interval: 15s"), "the sample's interval, which this test shortens");
        Files.writeString(dir.resolve("prometheus.yml"), sample.replace("scrape_interval: 15s", "scrape_interval: 1s")
                .replace("evaluation_interval: 15s", "evaluation_interval: 1s"));
        Files.copy(SAMPLES.resolve("alerts.yml"), dir.resolve("alerts.yml"));

        SessionGridConfig config = SessionGridConfigLoader.defaults(); // metrics on, 127.0.0.1:9464 or the next free
        try (SessionGrid node = SessionGrid.embedded(config,
                TestClusters.memberConfig(TestClusters.uniqueName(PrometheusScrapeIT.class)))) {
            URI scrape = node.node().metrics().orElseThrow().scrapeUri().orElseThrow();
            String target = scrape.getHost() + ":" + scrape.getPort();
            assertTrue(sample.contains("'" + target + "'"), "the node's endpoint " + target + " is a sample target");

            int web = freePort();
            Process prometheus = new ProcessBuilder(PROMETHEUS.toString(),
                    "--config.file=" + dir.resolve("prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + web)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            try {
                String base = "http://127.0.0.1:" + web;
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                    JsonNode up = query(base, "up{instance=\"" + target + "\"}");
                    assertEquals("1", up.path(0).path("value").path(1).asText(), up::toString);
                });
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                    JsonNode members = query(base, "sessiongrid_cluster_members");
                    assertEquals("1", members.path(0).path("value").path(1).asText(), members::toString);
                });
                JsonNode groups = get(base + "/api/v1/rules").path("data").path("groups");
                int rules = 0;
                for (JsonNode group : groups) {
                    for (JsonNode rule : group.path("rules")) {
                        assertEquals("ok", rule.path("health").asText(), rule::toString);
                        rules++;
                    }
                }
                assertTrue(rules >= 7, "the sample's alert rules are loaded: " + groups);
            } finally {
                prometheus.destroy();
                if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            }
        }
    }

    private static JsonNode query(String base, String promql) throws IOException, InterruptedException {
        JsonNode answer = get(base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        assertEquals("success", answer.path("status").asText(), answer::toString);
        return answer.path("data").path("result");
    }

    private static JsonNode get(String uri) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
