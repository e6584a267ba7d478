package io.sessiongrid.analyzer.internal;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.core.test.TestSupport;
import io.sessiongrid.analyzer.AnalyzerMaps;
import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.analyzer.HealthScore;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.config.AnalyzerConfig;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.hazelcast.jet.core.test.TestSupport.in;
import static com.hazelcast.jet.core.test.TestSupport.out;
import static io.sessiongrid.analyzer.internal.ProcessorTestKit.withCompactSnapshots;
import static io.sessiongrid.analyzer.internal.ProcessorTestKit.wm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * {@link ClusterSeriesP} in Hazelcast's processor harness, with snapshots saved and restored between items (the
 * harness's default; entries serialized as in {@link ProcessorTestKit#withCompactSnapshots}): the open sums it keeps
 * must survive that. Its {@code init} reads the stored cluster series, so the harness gets a real member (one for the
 * class, configured as the analyzer configures members).
 */
class ClusterSeriesPTest {
    private static final int HISTORY = 10;
    private static HazelcastInstance member;

    @BeforeAll
    static void startMember() {
        AnalyzerConfig analyzer = new AnalyzerConfig(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5)), HISTORY);
        member = Hazelcast.newHazelcastInstance(AnalyzerMaps.configure(
                TestClusters.memberConfig(TestClusters.uniqueName(ClusterSeriesPTest.class)), analyzer));
    }

    @AfterAll
    static void stopMember() {
        if (member != null) {
            member.shutdown();
        }
    }

    @BeforeEach
    void metricsContext() {
        ProcessorTestKit.installMetricsContext();
    }

    @AfterEach
    void cleanUp() {
        ProcessorTestKit.clearMetricsContext();
        member.getMap(AnalyzerMaps.CLUSTER).clear();
    }

    private static ClusterSeriesP cluster() {
        return new ClusterSeriesP(ProcessorTestKit.FLUSH, ProcessorTestKit.SCORE, HISTORY, ProcessorTestKit.HORIZON);
    }

    /** One aggregating processor's share of a cluster window. */
    private static SeriesPoint share(long start, long interval, long samples, long requests, long late,
                                     String[] calls, long[] counts) {
        return new SeriesPoint(start, interval, samples, (double) samples * ProcessorTestKit.FLUSH / interval, 0, 0,
                requests, requests / 10, 10 * requests, 100 * requests, 50 * requests, late, calls, counts);
    }

    private static String[] calls(String... names) {
        return names;
    }

    private static long[] counts(long... values) {
        return values;
    }

    @Test
    void addsUpTheSharesOfEveryAggregatorAndEmitsTheClusterPointOnlyOnTheWatermark() {
        TestSupport.verifyProcessor(withCompactSnapshots(ClusterSeriesPTest::cluster))
                .hazelcastInstance(member)
                .expectExactOutput(
                        in(share(0, 1000, 2, 30, 0, calls("get"), counts(30))),              // aggregator A
                        in(share(0, 1000, 3, 50, 1, calls("put", "get"), counts(20, 30))),   // aggregator B
                        in(share(1000, 1000, 2, 40, 0, calls("get"), counts(40))),           // A
                        in(share(0, 5000, 4, 70, 0, calls("get"), counts(70))),              // A
                        in(share(0, 5000, 3, 50, 1, calls("put", "get"), counts(20, 30))),   // B
                        in(wm(1000)), // [1000, 2000) may still get samples stamped 1000
                        out(0, share(0, 1000, 5, 80, 1, calls("get", "put"), counts(60, 20))),
                        out(0, wm(1000)), out(1, wm(1000)),
                        in(wm(1001)),
                        out(0, share(1000, 1000, 2, 40, 0, calls("get"), counts(40))),
                        out(0, wm(1001)), out(1, wm(1001)),
                        in(wm(4001)),
                        // the scoring window: no forecast yet from one point (and no stored history)
                        out(0, share(0, 5000, 7, 120, 1, calls("get", "put"), counts(100, 20))),
                        out(0, wm(4001)), out(1, wm(4001)));
    }

    @Test
    void theForecastStartsFromTheStoredClusterSeries() {
        SeriesRing stored = new SeriesRing(ProcessorTestKit.SCORE, HISTORY);
        for (int k = 0; k < 3; k++) {
            stored.append(share(-15_000 + k * 5000L, 5000, 10, 500, 0, null, null));
        }
        member.getMap(AnalyzerMaps.CLUSTER).put(ProcessorTestKit.SCORE, stored);
        TestSupport.verifyProcessor(withCompactSnapshots(ClusterSeriesPTest::cluster))
                .hazelcastInstance(member)
                .input(List.of(share(0, 5000, 10, 500, 0, null, null), wm(4001)))
                .assertOutput(2, (mode, outputs) -> {
                    assertEquals(List.of(share(0, 5000, 10, 500, 0, null, null), wm(4001)), outputs.get(0),
                            mode::toString);
                    assertEquals(2, outputs.get(1).size(), () -> mode + ": " + outputs.get(1));
                    Map.Entry<?, ?> entry = assertInstanceOf(Map.Entry.class, outputs.get(1).get(0));
                    assertEquals(AnalyzerMaps.CLUSTER_FORECAST_KEY, entry.getKey());
                    ClusterForecast f = assertInstanceOf(ClusterForecast.class, entry.getValue());
                    assertEquals(5000, f.lastWindowEnd());
                    assertEquals(4, f.historyPoints(), "three stored points and the new one");
                    assertEquals(ProcessorTestKit.HORIZON, f.mean().length);
                    assertEquals(100.0, f.lastActual(), 1e-9);
                    assertEquals(wm(4001), outputs.get(1).get(1));
                });
    }

    @Test
    void theSweepRemovesSeriesAndScoresWhoseNewestWindowIsOlderThanTheRetention() {
        long retention = 600_000;
        long watermark = 1_000_000;
        SeriesRings.History history = new SeriesRings.History(new long[]{1000, 5000}, new int[]{10, 10});
        Map<ConnectionKey, SeriesRings> series = new HashMap<>();
        for (long newest : new long[]{watermark - retention - 1000, watermark - retention}) {
            SeriesRings rings = new SeriesRings();
            rings.append(share(newest - 1000, 1000, 1, 1, 0, null, null), history);
            series.put(new ConnectionKey("s-" + newest, "c"), rings);
            member.getMap(AnalyzerMaps.SCORES).put(new ConnectionKey("s-" + newest, "c"),
                    new HealthScore("s-" + newest, "c", newest, 50, 1, 0.5, 0, 0, 0, false, "ok"));
        }
        member.getMap(AnalyzerMaps.CONNECTIONS).putAll(series);
        member.getMap(AnalyzerMaps.SESSIONS).putAll(series);
        TestSupport.verifyProcessor(() -> new ClusterSeriesP(ProcessorTestKit.FLUSH, ProcessorTestKit.SCORE, HISTORY,
                        ProcessorTestKit.HORIZON, retention, null))
                .hazelcastInstance(member)
                .disableSnapshots()
                .input(List.of(wm(watermark)))
                .assertOutput(2, (mode, outputs) -> {
                    String kept = "s-" + (watermark - retention);
                    for (String map : List.of(AnalyzerMaps.CONNECTIONS, AnalyzerMaps.SESSIONS, AnalyzerMaps.SCORES)) {
                        assertEquals(Set.of(new ConnectionKey(kept, "c")), member.getMap(map).keySet(), map);
                    }
                });
        for (String map : List.of(AnalyzerMaps.CONNECTIONS, AnalyzerMaps.SESSIONS, AnalyzerMaps.SCORES)) {
            member.getMap(map).clear();
        }
    }

    @Test
    void theSeasonalForecastAppearsOnceTwoSeasonsOfItsIntervalAreInStartingFromTheStoredSeries() {
        // A season of 3 windows of 5 s: 6 windows needed; 4 are stored (written before a restart), 2 arrive.
        SeasonalSetup seasonal = new SeasonalSetup(ProcessorTestKit.SCORE, 3, 2, 30);
        SeriesRing stored = new SeriesRing(ProcessorTestKit.SCORE, 30);
        double[] rates = {100, 300, 200, 100, 300, 200};
        for (int k = 0; k < 4; k++) {
            stored.append(share(-20_000 + k * 5000L, 5000, 10, (long) (rates[k] * 5), 0, null, null));
        }
        member.getMap(AnalyzerMaps.CLUSTER).put(ProcessorTestKit.SCORE, stored);
        TestSupport.verifyProcessor(() -> new ClusterSeriesP(ProcessorTestKit.FLUSH, ProcessorTestKit.SCORE, HISTORY,
                        ProcessorTestKit.HORIZON, 0, seasonal, Runnable::run))
                .hazelcastInstance(member)
                .disableSnapshots()
                .input(List.of(share(0, 5000, 10, (long) (rates[4] * 5), 0, null, null), wm(4001),
                        share(5000, 5000, 10, (long) (rates[5] * 5), 0, null, null), wm(9001)))
                .assertOutput(2, (mode, outputs) -> {
                    List<Map.Entry<?, ?>> forecasts = outputs.get(1).stream().filter(Map.Entry.class::isInstance)
                            .<Map.Entry<?, ?>>map(o -> (Map.Entry<?, ?>) o).toList();
                    List<Object> keys = forecasts.stream().map(Map.Entry::getKey).map(Object.class::cast).toList();
                    assertEquals(List.of(AnalyzerMaps.CLUSTER_FORECAST_KEY, AnalyzerMaps.CLUSTER_FORECAST_KEY,
                            AnalyzerMaps.SEASONAL_FORECAST_KEY), keys, "short-term from the 4th window on, "
                            + "seasonal at the 6th (two seasons)");
                    ClusterForecast f = (ClusterForecast) forecasts.get(2).getValue();
                    assertEquals(6, f.historyPoints());
                    assertEquals(2, f.mean().length);
                    assertEquals(10_000, f.lastWindowEnd());
                });
    }
}
