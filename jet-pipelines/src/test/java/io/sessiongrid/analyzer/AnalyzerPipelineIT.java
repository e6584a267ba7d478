package io.sessiongrid.analyzer;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.jet.core.metrics.Measurement;
import io.sessiongrid.analyzer.internal.SampleBatch;
import io.sessiongrid.analyzer.score.ConnectionHealth;
import io.sessiongrid.analyzer.score.HealthScorer;
import io.sessiongrid.analyzer.score.Score;
import io.sessiongrid.analyzer.score.ScoreParams;
import io.sessiongrid.config.AnalyzerConfig;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two members and a client: recording from both sides, the job, the stores, scores, forecast and metrics. */
class AnalyzerPipelineIT {
    /** A season of 8 s: two windows of the longest interval, so the seasonal forecast starts after 16 s. */
    static final AnalyzerConfig ANALYZER = new AnalyzerConfig(
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), 30, List.of(),
            Duration.ofSeconds(8));
    static final Duration HORIZON = Duration.ofSeconds(10);
    static final Duration SECOND = Duration.ofSeconds(1);

    static HazelcastInstance member1;
    static HazelcastInstance member2;
    static HazelcastInstance client;
    static Job job;

    /** A member as grid-node builds one: Java deserialization restricted to JDK and Hazelcast classes. */
    static Config memberConfig(String cluster) {
        Config config = TestClusters.memberConfig(cluster);
        config.getMetricsConfig().setCollectionFrequencySeconds(1);
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig().setDefaultsDisabled(false);
        filter.getWhitelist().addPrefixes("java.", "javax.", "com.hazelcast.", "[");
        config.getSerializationConfig().setJavaSerializationFilterConfig(filter);
        return AnalyzerMaps.configure(config, ANALYZER);
    }

    @BeforeAll
    static void start() {
        String cluster = TestClusters.uniqueName(AnalyzerPipelineIT.class);
        member1 = Hazelcast.newHazelcastInstance(memberConfig(cluster));
        member2 = Hazelcast.newHazelcastInstance(memberConfig(cluster));
        ClientConfig clientConfig = TestClusters.clientConfig(cluster, member1, member2);
        AnalyzerSerialization.register(clientConfig.getSerializationConfig());
        client = HazelcastClient.newHazelcastClient(clientConfig);
        job = AnalyzerJobs.ensureRunning(member1, ANALYZER, HORIZON);
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus() == JobStatus.RUNNING);
    }

    @AfterAll
    static void stop() {
        if (job != null) {
            job.cancel();
        }
        if (client != null) {
            client.shutdown();
        }
        if (member2 != null) {
            member2.getLifecycleService().terminate();
        }
        if (member1 != null) {
            member1.getLifecycleService().terminate();
        }
    }

    @Test
    void everyMemberMaySubmitButTheClusterRunsOneJob() {
        Job again = AnalyzerJobs.ensureRunning(member2, ANALYZER, HORIZON);
        Job fromClient = AnalyzerJobs.ensureRunning(client, ANALYZER, HORIZON);
        assertEquals(job.getId(), again.getId());
        assertEquals(job.getId(), fromClient.getId());
        long running = member1.getJet().getJobs().stream()
                .filter(j -> AnalyzerJobs.JOB_NAME.equals(j.getName()) && j.getStatus() == JobStatus.RUNNING).count();
        assertEquals(1, running);
    }

    /** The health score of a connection whose scoring windows are {@code windows}, as the job computes it. */
    static Score expectedScore(List<SeriesPoint> windows, ScoreParams params) {
        ConnectionHealth health = new ConnectionHealth();
        windows.forEach(w -> health.observe(w.windowStart(), w.intervalMillis(), w.requests(), w.errors(), false));
        return new HealthScorer(params).score(health);
    }

    @Test
    void eventsRecordedOnAClientAndAMemberAreAggregatedExactlyAndReadableFromTheClient() throws Exception {
        ConnectionAnalyzer reader = Analyzers.analyzer(client, ANALYZER);
        try (ConnectionTracker onClient = Analyzers.tracker(client, ANALYZER);
             ConnectionTracker onMember = Analyzers.tracker(member2, ANALYZER)) {
            onClient.opened("c-client", "s-1", "edge-1");
            onMember.opened("c-member", "s-1", "edge-2");
            long deadline = System.currentTimeMillis() + 3000;
            int requests = 0;
            while (System.currentTimeMillis() < deadline) {
                onClient.request("c-client", requests % 3 == 0 ? "cart.add" : "cart.get", 100, 1000, 250,
                        requests % 50 == 0);
                onMember.request("c-member", "game.move", 10, 20, 30, false);
                requests++;
                if (requests % 1000 == 0) {
                    Thread.sleep(5); // spread the events over a few intervals
                }
            }
            int sent = requests;
            // Windows close on time although all but two of the 271 journal partitions see no sample:
            // every flush heartbeats every partition (Jet's idle timeout would otherwise hold them for 60 s).
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertEquals(sent, total(reader.connectionSeries("s-1", "c-client", SECOND)));
                assertEquals(sent, total(reader.connectionSeries("s-1", "c-member", SECOND)));
                assertEquals(2L * sent, total(reader.sessionSeries("s-1", SECOND)));
            });
            List<SeriesPoint> clientPoints = reader.connectionSeries("s-1", "c-client", SECOND);
            long errors = clientPoints.stream().mapToLong(SeriesPoint::errors).sum();
            assertEquals((sent + 49) / 50, errors);
            SeriesPoint newest = clientPoints.stream().filter(p -> p.requests() > 0).reduce((a, b) -> b).orElseThrow();
            assertTrue(List.of(newest.apiCalls()).containsAll(List.of("cart.add", "cart.get")), newest.toString());
            // Exact over the series, not per window: an event racing a flush may have its request counted in one
            // window and its bytes in the next (the tracker's counters are separate; nothing is lost, see
            // BufferedConnectionTracker); seen once in CI as 75,626 requests against 75,624 requests' bytes.
            assertEquals(100L * total(clientPoints), clientPoints.stream().mapToLong(SeriesPoint::bytesIn).sum());

            // The stored score is the one the health formula gives on the connection's stored scoring windows
            // (requests, 1 error in 50): recomputed here from those windows and compared part by part.
            Duration scoring = AnalyzerJobs.scoreInterval(ANALYZER);
            ScoreParams params = ScoreParams.of(scoring, HORIZON, ScoreParams.DEFAULT_REFERENCE_RATE);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HealthScore stored = reader.score("s-1", "c-client").orElseThrow();
                List<SeriesPoint> windows = reader.connectionSeries("s-1", "c-client", scoring);
                SeriesPoint last = windows.get(windows.size() - 1);
                assertEquals(stored.windowEnd(), last.windowStart() + last.intervalMillis(),
                        "series and score from the same window (else the next poll catches up)");
                Score expected = expectedScore(windows, params);
                assertEquals(expected.score(), stored.score(), stored.toString());
                assertEquals(expected.reason(), stored.reason());
                assertEquals(expected.predictedRate(), stored.predictedRate(), 1e-9);
                assertEquals(expected.churn(), stored.churn(), 1e-9);
                assertEquals(expected.decline(), stored.decline(), 1e-9);
                assertEquals(expected.errorRate(), stored.errorRate(), 1e-9);
                assertTrue(stored.errorRate() > 0, "1 request in 50 failed");
                assertEquals(2, reader.sessionScores("s-1").size());
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Optional<ClusterForecast> forecast = reader.clusterForecast();
                assertTrue(forecast.isPresent());
                assertEquals(5, forecast.get().mean().length, "10 s horizon in 2 s steps");
                assertTrue(forecast.get().lower()[0] <= forecast.get().upper()[0]);
            });
            assertTrue(total(reader.clusterSeries(Duration.ofSeconds(4))) >= 2L * sent);
            // The seasonal forecast, on the 4 s windows, once two seasons (four windows) are in; the connections
            // stay open, so their windows keep closing.
            await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
                ClusterForecast seasonal = reader.seasonalForecast().orElseThrow(
                        () -> new AssertionError(reader.seasonalForecastStatus().toString()));
                assertEquals(4_000, seasonal.intervalMillis());
                assertEquals(79, seasonal.mean().length, "10 s horizon and 5 min lookahead: 78 windows of 4 s (77.5), "
                        + "and the one in progress");
                assertTrue(seasonal.historyPoints() >= 4, seasonal.toString());
            });
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertTrue(metric("eventsIn") > 0);
            assertTrue(metric("windowsEmitted") > 0);
            assertTrue(metric("scoresComputed") > 0);
            assertTrue(metric("forecastsComputed") > 0);
        });
    }

    @Test
    void aLateSampleIsCountedInAnOpenWindowNotDropped() {
        ConnectionAnalyzer reader = Analyzers.analyzer(client, ANALYZER);
        try (ConnectionTracker keepAlive = Analyzers.tracker(member1, ANALYZER)) {
            keepAlive.opened("c-alive", "s-alive", "m");
            await().atMost(Duration.ofSeconds(20)).until(() -> !reader.connectionSeries("s-alive", "c-alive", SECOND)
                    .isEmpty());
            long old = (System.currentTimeMillis() / 1000 - 60) * 1000; // a minute behind: far beyond the lag
            ConnectionSample late = new ConnectionSample("c-late", "s-late", "m", old, 1000, old, 1, 0, 7, 1, 70, 700,
                    7000, new String[]{"x"}, new long[]{7});
            client.<String, SampleBatch>getMap(AnalyzerMaps.INGEST)
                    .set("late-test", new SampleBatch("test", old, 1000, new ConnectionSample[]{late}));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<SeriesPoint> points = reader.connectionSeries("s-late", "c-late", SECOND);
                assertEquals(7, total(points));
                assertEquals(1, points.stream().mapToLong(SeriesPoint::late).sum());
                assertTrue(points.get(0).windowStart() > old, "counted in a window still open");
                assertTrue(metric("lateEvents") >= 8, "7 requests and the open");
            });
        }
    }

    static long total(List<SeriesPoint> points) {
        return points.stream().mapToLong(SeriesPoint::requests).sum();
    }

    static long metric(String name) {
        List<Measurement> measurements = job.getMetrics().get(name);
        return measurements.stream().mapToLong(Measurement::value).sum();
    }

}
