package io.sessiongrid.analyzer.internal;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import io.sessiongrid.analyzer.AnalyzerMaps;
import io.sessiongrid.analyzer.AnalyzerSerialization;
import io.sessiongrid.analyzer.Analyzers;
import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.analyzer.ClusterForecastStatus;
import io.sessiongrid.analyzer.ConnectionAnalyzer;
import io.sessiongrid.analyzer.HealthScore;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.config.AnalyzerConfig;
import io.sessiongrid.profiler.AppProfile;
import io.sessiongrid.profiler.BehavioralProfiler;
import io.sessiongrid.profiler.ProfilerSerialization;
import io.sessiongrid.profiler.Telemetry;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the analyzer's and the profiler's maps hold, read through their SQL mappings and the analyzer's API. */
class AnalyzerMapsIT {
    static HazelcastInstance member;

    @BeforeAll
    static void start() {
        Config config = TestClusters.memberConfig(TestClusters.uniqueName(AnalyzerMapsIT.class));
        ProfilerSerialization.register(AnalyzerSerialization.register(config.getSerializationConfig()));
        member = Hazelcast.newHazelcastInstance(config);
        AnalyzerMaps.sqlMappings().forEach(m -> member.getSql().execute(m).close());
        BehavioralProfiler.sqlMappings().forEach(m -> member.getSql().execute(m).close());
    }

    @AfterAll
    static void stop() {
        TestClusters.shutdown(member);
    }

    @Test
    void theClusterForecastSaysHowFarItsWarmUpIs() {
        ConnectionAnalyzer reader = Analyzers.analyzer(member, new AnalyzerConfig(
                List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), 100));
        long interval = 2_000;
        member.getMap(AnalyzerMaps.CLUSTER).remove(interval);
        member.getMap(AnalyzerMaps.FORECAST).remove(AnalyzerMaps.CLUSTER_FORECAST_KEY);
        assertEquals("warming up: 0 of 4 points of 2.0 s windows", reader.clusterForecastStatus().toString());

        SeriesRing ring = new SeriesRing(interval, 8);
        for (int k = 0; k < 2; k++) {
            ring.append(new SeriesPoint(k * interval, interval, 1, 1.0, 0, 0, 10, 0, 0, 0, 0, 0, null, null));
        }
        member.getMap(AnalyzerMaps.CLUSTER).set(interval, ring);
        ClusterForecastStatus warming = reader.clusterForecastStatus();
        assertEquals(false, warming.ready());
        assertEquals(2, warming.points());
        assertEquals("warming up: 2 of 4 points of 2.0 s windows", warming.toString());

        ClusterForecast f = new ClusterForecast(8_000, interval, "holt-winters", 4, 10.0, new double[] {10},
                new double[] {9}, new double[] {11}, 0.95, 1.0, 100);
        member.getMap(AnalyzerMaps.FORECAST).set(AnalyzerMaps.CLUSTER_FORECAST_KEY, f);
        assertEquals(f, reader.clusterForecastStatus().forecast().orElseThrow());
        assertEquals("ready: holt-winters on 4 points of 2.0 s windows", reader.clusterForecastStatus().toString());
        member.getMap(AnalyzerMaps.FORECAST).remove(AnalyzerMaps.CLUSTER_FORECAST_KEY);
        member.getMap(AnalyzerMaps.CLUSTER).remove(interval); // the SQL test counts rows
    }

    @Test
    void aSeriesAtAnIntervalTheAnalyzerDoesNotKeepIsAnErrorNotAnEmptyList() {
        ConnectionAnalyzer reader = Analyzers.analyzer(member, new AnalyzerConfig(
                List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reader.connectionSeries("s-1", "c-1", Duration.ofSeconds(7)));
        assertEquals("interval PT7S is not one of the analyzer's intervals [PT1S, PT2S] (analyzer.intervals)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> reader.clusterSeries(null));
        assertEquals(List.of(), reader.sessionSeries("s-none", Duration.ofSeconds(2)), "a kept interval, no data yet");
    }

    @Test
    void theSeasonalForecastSaysHowFarItsWarmUpIsOrThatThereIsNoSeason() {
        List<Duration> intervals = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(10));
        assertEquals("none: no season configured (analyzer.season)",
                Analyzers.analyzer(member, new AnalyzerConfig(intervals, 100)).seasonalForecastStatus().toString());
        ConnectionAnalyzer reader = Analyzers.analyzer(member,
                new AnalyzerConfig(intervals, 100, List.of(), Duration.ofMinutes(1)));
        long interval = 10_000;
        SeriesRing ring = new SeriesRing(interval, 100);
        for (int k = 0; k < 5; k++) {
            ring.append(new SeriesPoint(k * interval, interval, 1, 1.0, 0, 0, 10, 0, 0, 0, 0, 0, null, null));
        }
        member.getMap(AnalyzerMaps.CLUSTER).set(interval, ring);
        assertEquals("warming up: 5 of 12 points of 10.0 s windows", reader.seasonalForecastStatus().toString(),
                "a season of 6 windows, two needed");
        ClusterForecast f = new ClusterForecast(120_000, interval, "holt_winters(m=6)", 12, 10.0, new double[] {10},
                new double[] {9}, new double[] {11}, 0.95, 1.0, 100);
        member.getMap(AnalyzerMaps.FORECAST).set(AnalyzerMaps.SEASONAL_FORECAST_KEY, f);
        assertEquals(f, reader.seasonalForecast().orElseThrow());
        assertEquals(false, reader.clusterForecast().map(f::equals).orElse(false), "a separate entry");
        member.getMap(AnalyzerMaps.FORECAST).remove(AnalyzerMaps.SEASONAL_FORECAST_KEY);
        member.getMap(AnalyzerMaps.CLUSTER).remove(interval);
    }

    private static SqlRow one(String query) {
        List<SqlRow> rows = new ArrayList<>();
        try (SqlResult result = member.getSql().execute(query)) {
            result.iterator().forEachRemaining(rows::add);
        }
        assertEquals(1, rows.size(), query);
        return rows.get(0);
    }

    @Test
    void scoresForecastClusterSeriesAndProfilesAreQueryable() {
        member.getMap(AnalyzerMaps.SCORES).set(new ConnectionKey("s-42", "conn-1"),
                new HealthScore("s-42", "conn-1", 5_000, 80, 12.5, 0.4, 0.1, 0.0, 0.02, false, "steady"));
        member.getMap(AnalyzerMaps.FORECAST).set(AnalyzerMaps.CLUSTER_FORECAST_KEY, new ClusterForecast(5_000, 1_000,
                "holt-winters", 60, 41.0, new double[] {40}, new double[] {35}, new double[] {45}, 0.95, 3.1, 250));
        SeriesRing ring = new SeriesRing(1_000, 8);
        ring.append(new SeriesPoint(4_000, 1_000, 3, 2.0, 1, 0, 40, 1, 4_000, 800, 300, 0, null, null));
        member.getMap(AnalyzerMaps.CLUSTER).set(1_000L, ring);
        member.getMap(BehavioralProfiler.TELEMETRY).set("video", new Telemetry("video", 1_000, 4, 0.5, 1 << 30, 10,
                20, 1.5, 5));
        member.getMap(BehavioralProfiler.PROFILES).set("video", new AppProfile("video", 5_000, 5, 4, 0.5, 1e9, 30,
                1.5, 5, 5.2, 4.0, 6.5, 0.9, 60_000, "seasonal-naive", 12));

        SqlRow score = one("SELECT \"sessionId\", \"score\", \"reason\" FROM \"" + AnalyzerMaps.SCORES + "\"");
        assertEquals("s-42", score.getObject("sessionId"));
        assertEquals(80, (int) score.getObject("score"));
        assertEquals("steady", score.getObject("reason"));
        SqlRow forecast = one("SELECT \"model\", \"historyPoints\" FROM \"" + AnalyzerMaps.FORECAST + "\"");
        assertEquals("holt-winters", forecast.getObject("model"));
        assertEquals(60, (int) forecast.getObject("historyPoints"));
        SqlRow cluster = one("SELECT \"__key\", \"newestStart\", \"newestRequests\" FROM \"" + AnalyzerMaps.CLUSTER
                + "\"");
        assertEquals(1_000L, (long) cluster.getObject("__key"));
        assertEquals(4_000L, (long) cluster.getObject("newestStart"));
        assertEquals(40L, (long) cluster.getObject("newestRequests"));
        assertEquals(4, (int) one("SELECT \"vmCount\" FROM \"" + BehavioralProfiler.TELEMETRY + "\"")
                .getObject("vmCount"));
        assertEquals(5.2, (double) one("SELECT \"predictedVms\" FROM \"" + BehavioralProfiler.PROFILES + "\"")
                .getObject("predictedVms"));
    }
}
