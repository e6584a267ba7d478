package io.sessiongrid.metrics;

import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.MetricsConfig;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.metrics.internal.GridGauges;
import io.sessiongrid.metrics.internal.MeteredSessionStore;
import io.sessiongrid.session.InvalidNameException;
import io.sessiongrid.session.SessionStore;
import io.sessiongrid.session.SessionStores;
import io.sessiongrid.sni.SniService;
import io.sessiongrid.sni.SniServices;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A node's meters, scraped over HTTP from a real member and read through JMX. */
class NodeMetricsIT {
    static final String CLUSTER = TestClusters.uniqueName(NodeMetricsIT.class);
    static final SessionGridConfig CONFIG = SessionGridConfigLoader.defaults();
    static SessionGrid node;
    static HazelcastInstance member;
    static NodeMetrics metrics;
    static SessionStore store;
    static SniService sni;

    @BeforeAll
    static void start() {
        // A member started by the node runtime (its components register their serializers), metrics off: this
        // class measures its own NodeMetrics below.
        node = SessionGrid.embedded(CONFIG.withMetrics(MetricsConfig.off()), TestClusters.memberConfig(CLUSTER));
        member = node.hazelcast();
        metrics = NodeMetrics.start(new MetricsConfig(true, "127.0.0.1", 0, true), CLUSTER, "node-1");
        store = new MeteredSessionStore(SessionStores.create(member, CONFIG), metrics.meters());
        sni = SniServices.create(member, CONFIG.sni());
        GridGauges.cluster(metrics.meters(), member);
        GridGauges.sni(metrics.meters(), sni, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (metrics != null) {
            metrics.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void storeCallsAndPoolFiguresReachTheScrape() throws Exception {
        for (int i = 0; i < 3; i++) {
            store.set("metrics-s" + i, "cart", Map.of("sku", "1"));
        }
        store.get("metrics-s0", "cart");
        store.get("metrics-s1", "cart");
        assertThrows(InvalidNameException.class, () -> store.get("bad id!", "cart"));
        sni.registerApp("metrics-app", 1);
        sni.allocate("metrics-app", 10);

        String text = scrape(metrics.scrapeUri().orElseThrow());
        Files.writeString(Path.of("target/last-scrape.txt"), text);
        Exposition scrape = Exposition.parse(text);

        assertEquals(3.0, scrape.value("sessiongrid_store_operations_seconds_count", "op", "set", "outcome", "ok").orElseThrow());
        assertEquals(2.0, scrape.value("sessiongrid_store_operations_seconds_count", "op", "get", "outcome", "ok").orElseThrow());
        assertEquals(1.0, scrape.value("sessiongrid_store_operations_seconds_count", "op", "get", "outcome", "error").orElseThrow());
        assertEquals(1.0, scrape.value("sessiongrid_store_errors_total", "op", "get", "exception", "InvalidNameException").orElseThrow());
        assertEquals(1.0, scrape.value("sessiongrid_cluster_members", "cluster", CLUSTER, "node", "node-1").orElseThrow());
        assertEquals(10.0, scrape.value("sessiongrid_sni_ids_leased").orElseThrow());
        assertEquals(1L << CONFIG.sni().widthBits(), scrape.value("sessiongrid_sni_space_size").orElseThrow());
        assertTrue(scrape.value("jvm_memory_used_bytes", "area", "heap", "id", "G1 Eden Space").isPresent()
                || scrape.samples().keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes{")));
    }

    @Test
    void theSameMetersAreJmxMBeans() throws Exception {
        store.set("metrics-jmx", "cart", Map.of("sku", "1"));
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName(NodeMetrics.JMX_DOMAIN + ":*"), null);
        ObjectName setTimer = names.stream()
                // Micrometer's JMX names are hierarchical: name.tagKey.tagValue... in camel case.
                .filter(n -> n.toString().contains("sessiongridStoreOperations.")
                        && n.toString().contains(".node.node-1.op.set.outcome.ok"))
                .findFirst().orElseThrow(() -> new AssertionError("no store timer MBean among " + names));
        assertNotEquals(0L, ((Number) server.getAttribute(setTimer, "Count")).longValue());
    }

    @Test
    void aRealPrometheusToolAcceptsTheExposition() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "skipped: promtool (Debian package prometheus) is not installed");
        String body = scrape(metrics.scrapeUri().orElseThrow());
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (var in = check.getOutputStream()) {
            in.write(body.getBytes());
        }
        assertTrue(check.waitFor(30, TimeUnit.SECONDS));
        String said = new String(check.getInputStream().readAllBytes());
        // promtool exits 0 for a valid exposition; lint warnings (exit 3) are about naming style, not format.
        assertFalse(said.contains("error while linting") || said.contains("parse"), said);
        assertTrue(check.exitValue() == 0 || check.exitValue() == 3, "promtool said: " + said);
    }

    @Test
    void aSessionGridNodePublishesItsStoreAndTrackerFigures() throws Exception {
        try (SessionGrid grid = SessionGrid.embedded(CONFIG, TestClusters.memberConfig(CLUSTER))) {
            grid.sessions().set("metrics-node", "auth", Map.of("token", "t"));
            grid.connections().opened("metrics-c1", "metrics-node");
            grid.connections().opened("metrics-c2", "metrics-node");
            String node = grid.node().serverId();
            Exposition scrape = Exposition.parse(scrape(grid.node().metrics().orElseThrow().scrapeUri().orElseThrow()));
            assertEquals(1.0, scrape.value("sessiongrid_store_operations_seconds_count",
                    "node", node, "op", "set", "outcome", "ok").orElseThrow());
            assertEquals(2.0, scrape.value("sessiongrid_tracker_connections", "node", node).orElseThrow());
            assertEquals(2.0, scrape.value("sessiongrid_cluster_members", "node", node).orElseThrow());
        }
    }

    @Test
    void aBusyPortMovesToTheNextFreeOne() {
        int taken = metrics.scrapeUri().orElseThrow().getPort();
        try (NodeMetrics second = NodeMetrics.start(new MetricsConfig(true, "127.0.0.1", taken, false), CLUSTER, "node-2")) {
            int port = second.scrapeUri().orElseThrow().getPort();
            assertTrue(port > taken && port < taken + 100, "port " + port + " after taken " + taken);
        }
    }

    static String scrape(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        return response.body();
    }
}
