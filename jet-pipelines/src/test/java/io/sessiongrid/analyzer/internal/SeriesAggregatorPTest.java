package io.sessiongrid.analyzer.internal;

import com.hazelcast.jet.core.test.TestSupport;
import io.sessiongrid.analyzer.HealthScore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.hazelcast.jet.core.test.TestSupport.in;
import static com.hazelcast.jet.core.test.TestSupport.out;
import static io.sessiongrid.analyzer.internal.ProcessorTestKit.batch;
import static io.sessiongrid.analyzer.internal.ProcessorTestKit.describe;
import static io.sessiongrid.analyzer.internal.ProcessorTestKit.describedAs;
import static io.sessiongrid.analyzer.internal.ProcessorTestKit.normalize;
import static io.sessiongrid.analyzer.internal.ProcessorTestKit.sample;
import static io.sessiongrid.analyzer.internal.ProcessorTestKit.scores;
import static io.sessiongrid.analyzer.internal.ProcessorTestKit.withCompactSnapshots;
import static io.sessiongrid.analyzer.internal.ProcessorTestKit.wm;
import static io.sessiongrid.analyzer.internal.SeriesAggregatorP.TO_CLUSTER;
import static io.sessiongrid.analyzer.internal.SeriesAggregatorP.TO_CONNECTIONS;
import static io.sessiongrid.analyzer.internal.SeriesAggregatorP.TO_SCORES;
import static io.sessiongrid.analyzer.internal.SeriesAggregatorP.TO_SESSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link SeriesAggregatorP} in Hazelcast's processor harness, intervals 1 s and 5 s, scored at 5 s. Unless a test says
 * otherwise the harness also runs every case with a snapshot saved (and restored into a new processor) after each
 * input item, with an outbox of capacity 1; the snapshot entries ({@link SessionState} with its Compact
 * {@code ConnectionHealth}, cluster shares) go through the analyzer's own serializers
 * ({@link ProcessorTestKit#withCompactSnapshots}). Outputs are compared as text ({@link ProcessorTestKit#describe}): a
 * series update as its windows {@code interval@start n=samples r=requests c=closes late=late api=mix}; after a restore
 * the processor keeps the restored cluster share apart from its own, so shares of one window are added up first.
 *
 * <p>Tests whose input makes the processor emit several items to one ordinal other than 0 in one call disable the
 * harness's progress assertion: it only counts ordinal 0 as progress, so a processor stopped by a full outbox on
 * another ordinal looks stuck to it (Jet itself counts any ordinal).
 */
class SeriesAggregatorPTest {

    @BeforeEach
    void metricsContext() {
        ProcessorTestKit.installMetricsContext();
    }

    @AfterEach
    void noMetricsContext() {
        ProcessorTestKit.clearMetricsContext();
    }

    private static String w(long interval, long start, long samples, long requests, long closes, long late) {
        return interval + "@" + start + " n=" + samples + " r=" + requests + " c=" + closes + " late=" + late
                + " api=get:" + requests;
    }

    private static String conn(String session, String connection, String... windows) {
        return "conn " + session + "/" + connection + " " + List.of(windows);
    }

    private static String session(String session, String... windows) {
        return "session " + session + " " + List.of(windows);
    }

    private static String point(String window) {
        return "point " + window;
    }

    @Test
    void connectionWindowsCloseOnTheConnectionsOwnLastSampleWithoutWaitingForAWatermark() {
        TestSupport.verifyProcessor(withCompactSnapshots(ProcessorTestKit::aggregator))
                .outputChecker(describedAs())
                .expectExactOutput(
                        in(batch("t1", 0, sample("s1", "c1", 0, 1))),
                        in(batch("t1", 1000, sample("s1", "c1", 1000, 2))),
                        in(batch("t1", 2000, sample("s1", "c1", 2000, 3))),
                        in(batch("t1", 3000, sample("s1", "c1", 3000, 4))),
                        in(batch("t1", 4000, sample("s1", "c1", 4000, 5))),
                        out(TO_SCORES, describe(scores("s1", "c1", false, 15).get(0))),
                        out(TO_CONNECTIONS, conn("s1", "c1", w(1000, 0, 1, 1, 0, 0), w(1000, 1000, 1, 2, 0, 0),
                                w(1000, 2000, 1, 3, 0, 0), w(1000, 3000, 1, 4, 0, 0), w(1000, 4000, 1, 5, 0, 0),
                                w(5000, 0, 5, 15, 0, 0))),
                        out(TO_CLUSTER, null)); // no output there (no watermark); declares the ordinal
    }

    @Test
    void aSecondSampleForAnIntervalJoinsTheOpenWindowWithoutShiftingTheConnection() {
        // A tracker that labels an interval twice (or a replay) must not push every later sample, and so the
        // connection's score, one interval early.
        TestSupport.verifyProcessor(withCompactSnapshots(ProcessorTestKit::aggregator))
                .outputChecker(describedAs())
                .expectExactOutput(
                        in(batch("t1", 0, sample("s1", "c1", 0, 1))),
                        in(batch("t1", 1000, sample("s1", "c1", 1000, 2))),
                        in(batch("t1", 1000, sample("s1", "c1", 1000, 7))),
                        in(batch("t1", 2000, sample("s1", "c1", 2000, 3))),
                        in(batch("t1", 3000, sample("s1", "c1", 3000, 4))),
                        in(batch("t1", 4000, sample("s1", "c1", 4000, 5))),
                        out(TO_SCORES, describe(scores("s1", "c1", false, 22).get(0))),
                        out(TO_CONNECTIONS, conn("s1", "c1", w(1000, 0, 1, 1, 0, 0), w(1000, 1000, 1, 2, 0, 0),
                                w(1000, 2000, 2, 10, 0, 1), w(1000, 3000, 1, 4, 0, 0), w(1000, 4000, 1, 5, 0, 0),
                                w(5000, 0, 6, 22, 0, 1))),
                        out(TO_CLUSTER, null));
    }

    @Test
    void laterScoresBuildOnTheConnectionHealthCarriedThroughSnapshots() {
        List<TestSupport.TestEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(in(batch("t1", i * 1000L, sample("s1", "c1", i * 1000L, i + 1))));
        }
        List<HealthScore> expected = scores("s1", "c1", false, 15, 40);
        events.add(5, out(TO_SCORES, describe(expected.get(0))));
        events.add(6, out(TO_CONNECTIONS, conn("s1", "c1", w(1000, 0, 1, 1, 0, 0), w(1000, 1000, 1, 2, 0, 0),
                w(1000, 2000, 1, 3, 0, 0), w(1000, 3000, 1, 4, 0, 0), w(1000, 4000, 1, 5, 0, 0),
                w(5000, 0, 5, 15, 0, 0))));
        events.add(out(TO_SCORES, describe(expected.get(1))));
        events.add(out(TO_CONNECTIONS, conn("s1", "c1", w(1000, 5000, 1, 6, 0, 0), w(1000, 6000, 1, 7, 0, 0),
                w(1000, 7000, 1, 8, 0, 0), w(1000, 8000, 1, 9, 0, 0), w(1000, 9000, 1, 10, 0, 0),
                w(5000, 5000, 5, 40, 0, 0))));
        events.add(out(TO_CLUSTER, null));
        TestSupport.verifyProcessor(withCompactSnapshots(ProcessorTestKit::aggregator))
                .outputChecker(describedAs())
                .expectExactOutput(events.toArray(TestSupport.TestEvent[]::new));
    }

    @Test
    void sessionWindowsAndClusterSharesCloseOnlyOnceTheWatermarkIsPastTheirLastFlushInterval() {
        sessionWindowsAndClusterShares(ProcessorTestKit::aggregator);
    }

    @Test
    void inTheJobSeriesUpdatesWaitForTheNextWatermarkSoThatEveryScoreGoesFirst() {
        sessionWindowsAndClusterShares(ProcessorTestKit::deferringAggregator); // the same output up to watermarks
        List<Object> input = new ArrayList<>();
        for (long t = 0; t <= 4000; t += 1000) {
            input.add(batch("t1", t, sample("s1", "c1", t, 1)));
            input.add(batch("t2", t, sample("s1", "c2", t, 2)));
        }
        TestSupport.verifyProcessor(withCompactSnapshots(ProcessorTestKit::deferringAggregator))
                .disableSnapshots()
                .disableProgressAssertion()
                .input(input)
                .assertOutput(4, (mode, outputs) -> {
                    assertEquals(2, outputs.get(TO_SCORES).size(), "both scores are out");
                    assertEquals(List.of(), outputs.get(TO_CONNECTIONS), "their series wait for a watermark");
                });
    }

    private static void sessionWindowsAndClusterShares(
            com.hazelcast.function.SupplierEx<? extends com.hazelcast.jet.core.Processor> aggregator) {
        List<Object> input = new ArrayList<>();
        for (long t = 0; t <= 4000; t += 1000) {
            input.add(batch("t1", t, sample("s1", "c1", t, 1)));
            input.add(batch("t2", t, sample("s1", "c2", t, 2)));
        }
        input.add(wm(4000)); // [4000, 5000) may still get samples stamped 4000
        input.add(wm(4001));
        TestSupport.verifyProcessor(withCompactSnapshots(aggregator))
                .disableProgressAssertion()
                .input(input)
                .assertOutput(4, (mode, outputs) -> {
                    boolean restored = mode.isSnapshotsEnabled();
                    assertEquals(List.of(describe(scores("s1", "c1", false, 5).get(0)),
                                    describe(scores("s1", "c2", false, 10).get(0)), "wm(4000)", "wm(4001)"),
                            normalize(outputs.get(TO_SCORES), restored), mode::toString);
                    assertEquals(List.of(
                                    conn("s1", "c1", w(1000, 0, 1, 1, 0, 0), w(1000, 1000, 1, 1, 0, 0),
                                            w(1000, 2000, 1, 1, 0, 0), w(1000, 3000, 1, 1, 0, 0),
                                            w(1000, 4000, 1, 1, 0, 0), w(5000, 0, 5, 5, 0, 0)),
                                    conn("s1", "c2", w(1000, 0, 1, 2, 0, 0), w(1000, 1000, 1, 2, 0, 0),
                                            w(1000, 2000, 1, 2, 0, 0), w(1000, 3000, 1, 2, 0, 0),
                                            w(1000, 4000, 1, 2, 0, 0), w(5000, 0, 5, 10, 0, 0)),
                                    "wm(4000)", "wm(4001)"),
                            normalize(outputs.get(TO_CONNECTIONS), restored), mode::toString);
                    assertEquals(List.of("wm(4000)",
                                    session("s1", w(1000, 0, 2, 3, 0, 0), w(1000, 1000, 2, 3, 0, 0),
                                            w(1000, 2000, 2, 3, 0, 0), w(1000, 3000, 2, 3, 0, 0),
                                            w(1000, 4000, 2, 3, 0, 0), w(5000, 0, 10, 15, 0, 0)),
                                    "wm(4001)"),
                            normalize(outputs.get(TO_SESSIONS), restored), mode::toString);
                    assertEquals(List.of(point(w(1000, 0, 2, 3, 0, 0)), point(w(1000, 1000, 2, 3, 0, 0)),
                                    point(w(1000, 2000, 2, 3, 0, 0)), point(w(1000, 3000, 2, 3, 0, 0)), "wm(4000)",
                                    point(w(1000, 4000, 2, 3, 0, 0)), point(w(5000, 0, 10, 15, 0, 0)), "wm(4001)"),
                            normalize(outputs.get(TO_CLUSTER), restored), mode::toString);
                });
    }

    @Test
    void aLateSampleIsCountedInTheOldestOpenWindowAndMarkedLateNotDropped() {
        TestSupport.verifyProcessor(withCompactSnapshots(ProcessorTestKit::aggregator))
                .disableProgressAssertion()
                .input(List.of(
                        batch("t1", 0, sample("s1", "c1", 0, 1)),
                        batch("t1", 1000, sample("s1", "c1", 1000, 1)),
                        wm(2001), // closes the flush intervals up to [2000, 3000)
                        batch("t1", 2000, sample("s1", "c1", 2000, 7)), // late: counted at 3000
                        batch("t1", 4000, sample("s1", "c1", 4000, 1)),
                        wm(4001)))
                .assertOutput(4, (mode, outputs) -> {
                    boolean restored = mode.isSnapshotsEnabled();
                    String late = w(1000, 3000, 1, 7, 0, 1);
                    String fiveSeconds = w(5000, 0, 4, 10, 0, 1);
                    assertEquals(List.of("wm(2001)", describe(scores("s1", "c1", false, 10).get(0)), "wm(4001)"),
                            normalize(outputs.get(TO_SCORES), restored), mode::toString);
                    assertEquals(List.of("wm(2001)", conn("s1", "c1", w(1000, 0, 1, 1, 0, 0),
                                    w(1000, 1000, 1, 1, 0, 0), late, w(1000, 4000, 1, 1, 0, 0), fiveSeconds),
                                    "wm(4001)"),
                            normalize(outputs.get(TO_CONNECTIONS), restored), mode::toString);
                    assertEquals(List.of("wm(2001)", session("s1", w(1000, 0, 1, 1, 0, 0), w(1000, 1000, 1, 1, 0, 0),
                                    late, w(1000, 4000, 1, 1, 0, 0), fiveSeconds), "wm(4001)"),
                            normalize(outputs.get(TO_SESSIONS), restored), mode::toString);
                    assertEquals(List.of(point(w(1000, 0, 1, 1, 0, 0)), point(w(1000, 1000, 1, 1, 0, 0)), "wm(2001)",
                                    point(late), point(w(1000, 4000, 1, 1, 0, 0)), point(fiveSeconds), "wm(4001)"),
                            normalize(outputs.get(TO_CLUSTER), restored), mode::toString);
                });
    }

    /**
     * A late sample of a connection the processor has no state for (another tracker's, or a new one) is caught by the
     * watermark floor alone. Without snapshots: the floor is not in the snapshot, see
     * {@link SeriesAggregatorPRestoreTest}.
     */
    @Test
    void aLateSampleOfAConnectionNotSeenYetIsMovedPastWhatTheWatermarkClosed() {
        TestSupport.verifyProcessor(withCompactSnapshots(ProcessorTestKit::aggregator))
                .disableProgressAssertion()
                .disableSnapshots()
                .input(List.of(
                        batch("t1", 0, sample("s1", "c1", 0, 1)),
                        batch("t1", 1000, sample("s1", "c1", 1000, 1)),
                        wm(2001),
                        batch("t2", 1000, sample("s1", "c2", 1000, 7)), // its session window closed at wm(2001)
                        wm(4001)))
                .assertOutput(4, (mode, outputs) -> {
                    assertEquals(List.of("wm(2001)",
                                    session("s1", w(1000, 0, 1, 1, 0, 0), w(1000, 1000, 1, 1, 0, 0),
                                            w(1000, 3000, 1, 7, 0, 1), w(5000, 0, 3, 9, 0, 1)),
                                    "wm(4001)"),
                            normalize(outputs.get(TO_SESSIONS), false), mode::toString);
                    assertEquals(List.of(point(w(1000, 0, 1, 1, 0, 0)), point(w(1000, 1000, 1, 1, 0, 0)), "wm(2001)",
                                    point(w(1000, 3000, 1, 7, 0, 1)), point(w(5000, 0, 3, 9, 0, 1)), "wm(4001)"),
                            normalize(outputs.get(TO_CLUSTER), false), mode::toString);
                    assertEquals(List.of("wm(2001)",
                                    conn("s1", "c1", w(1000, 0, 1, 1, 0, 0), w(1000, 1000, 1, 1, 0, 0),
                                            w(5000, 0, 2, 2, 0, 0)),
                                    conn("s1", "c2", w(1000, 3000, 1, 7, 0, 1), w(5000, 0, 1, 7, 0, 1)),
                                    "wm(4001)"),
                            normalize(outputs.get(TO_CONNECTIONS), false), mode::toString);
                });
    }

    @Test
    void aClosingSampleClosesTheConnectionsWindowsAtOnceWithAFinalClosedScore() {
        TestSupport.verifyProcessor(withCompactSnapshots(ProcessorTestKit::aggregator))
                .disableProgressAssertion()
                .input(List.of(
                        batch("t1", 0, sample("s1", "c1", 0, 1, 1, 0)),
                        batch("t1", 1000, sample("s1", "c1", 1000, 2)),
                        batch("t1", 2000, sample("s1", "c1", 2000, 3, 0, 1)),
                        wm(4001),
                        wm(200_000))) // long after: a closed connection is not "no longer reported"
                .assertOutput(4, (mode, outputs) -> {
                    boolean restored = mode.isSnapshotsEnabled();
                    HealthScore last = scores("s1", "c1", true, 6).get(0);
                    assertEquals(true, last.closed());
                    assertEquals(List.of(describe(last), "wm(4001)", "wm(200000)"),
                            normalize(outputs.get(TO_SCORES), restored), mode::toString);
                    String[] windows = {w(1000, 0, 1, 1, 0, 0), w(1000, 1000, 1, 2, 0, 0), w(1000, 2000, 1, 3, 1, 0),
                            w(5000, 0, 3, 6, 1, 0)};
                    assertEquals(List.of(conn("s1", "c1", windows), "wm(4001)", "wm(200000)"),
                            normalize(outputs.get(TO_CONNECTIONS), restored), mode::toString);
                    assertEquals(List.of(session("s1", windows), "wm(4001)", "wm(200000)"),
                            normalize(outputs.get(TO_SESSIONS), restored), mode::toString);
                    assertEquals(List.of(point(windows[0]), point(windows[1]), point(windows[2]), point(windows[3]),
                                    "wm(4001)", "wm(200000)"),
                            normalize(outputs.get(TO_CLUSTER), restored), mode::toString);
                });
    }

    @Test
    void aConnectionSilentForMoreThanTwentyScoringIntervalsIsScoredAsNoLongerReported() {
        long lastSample = 2000;
        long silentAfter = lastSample + SeriesAggregatorP.IDLE_INTERVALS * ProcessorTestKit.SCORE; // 102,000
        TestSupport.verifyProcessor(withCompactSnapshots(ProcessorTestKit::aggregator))
                .disableProgressAssertion()
                .input(List.of(
                        batch("t1", 0, sample("s1", "c1", 0, 1)),
                        batch("t1", 1000, sample("s1", "c1", 1000, 1)),
                        batch("t1", lastSample, sample("s1", "c1", lastSample, 1)),
                        wm(silentAfter), // closes its open 5 s window (the tracker went away): a regular score
                        wm(silentAfter + 1)))
                .assertOutput(4, (mode, outputs) -> {
                    boolean restored = mode.isSnapshotsEnabled();
                    HealthScore gone = new HealthScore("s1", "c1", 102_001, 0, 0, 0, 1, 0, 0, true,
                            "no longer reported");
                    assertEquals(List.of(describe(scores("s1", "c1", false, 3).get(0)), "wm(102000)",
                                    describe(gone), "wm(102001)"),
                            normalize(outputs.get(TO_SCORES), restored), mode::toString);
                    String[] windows = {w(1000, 0, 1, 1, 0, 0), w(1000, 1000, 1, 1, 0, 0), w(1000, 2000, 1, 1, 0, 0),
                            w(5000, 0, 3, 3, 0, 0)};
                    assertEquals(List.of(conn("s1", "c1", windows), "wm(102000)", "wm(102001)"),
                            normalize(outputs.get(TO_CONNECTIONS), restored), mode::toString);
                    assertEquals(List.of(session("s1", windows), "wm(102000)", "wm(102001)"),
                            normalize(outputs.get(TO_SESSIONS), restored), mode::toString);
                });
    }
}
