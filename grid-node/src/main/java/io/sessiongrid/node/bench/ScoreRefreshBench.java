package io.sessiongrid.node.bench;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.sessiongrid.analyzer.AnalyzerJobs;
import io.sessiongrid.analyzer.AnalyzerMaps;
import io.sessiongrid.analyzer.Analyzers;
import io.sessiongrid.analyzer.ConnectionTracker;
import io.sessiongrid.analyzer.HealthScore;
import io.sessiongrid.analyzer.internal.ConnectionKey;
import io.sessiongrid.analyzer.internal.SeriesRings;
import io.sessiongrid.config.AnalyzerConfig;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.sessiongrid.node.bench.AnalyzerBenchmark.API;
import static io.sessiongrid.node.bench.AnalyzerBenchmark.nextBoundary;
import static io.sessiongrid.node.bench.AnalyzerBenchmark.waitFor;

/**
 * The score-refresh and memory part of {@code bench analyzer} (see {@link AnalyzerBenchmark}): {@value #CONNECTIONS}
 * connections, {@value #CONNECTIONS_PER_SESSION} per session, each making 0-2 requests a second; the full run fills
 * every series to full history first and measures {@value #WINDOWS} steady windows and the heap per connection.
 */
final class ScoreRefreshBench {
    private static final int CONNECTIONS = 100_000;
    private static final int CONNECTIONS_PER_SESSION = 4;
    private static final int WINDOWS = 6;
    private static final int PROBE = 1_000;

    private ScoreRefreshBench() {
    }

    static void run(BenchReport report, HazelcastInstance member, AnalyzerConfig analyzer, boolean quick,
                               PrintStream out) throws InterruptedException {
        long scoreInterval = AnalyzerJobs.scoreInterval(analyzer).toMillis();
        int windows = quick ? 1 : WINDOWS;
        int settleSeconds = quick ? 5 : 60;
        int timeoutSeconds = quick ? 20 : 60;
        IMap<Object, HealthScore> scores = member.getMap(AnalyzerMaps.SCORES);
        String[] ids = new String[CONNECTIONS];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "sc-" + i;
        }
        long heapBefore = quick ? 0 : heapAfterFullGc();
        if (!quick) {
            prefill(member, analyzer, ids, out);
        }
        AtomicBoolean stop = new AtomicBoolean();
        List<Double> refresh = new ArrayList<>();
        try (ConnectionTracker tracker = Analyzers.tracker(member, analyzer)) {
            for (int i = 0; i < ids.length; i++) {
                tracker.opened(ids[i], session(i), "bench");
            }
            out.printf(Locale.ROOT, "  scores: %,d connections open, 0-2 requests per connection per second%n",
                    ids.length);
            Thread driver = new Thread(() -> drive(tracker, ids, stop), "bench-score-driver");
            driver.start();
            try {
                long warm = nextBoundary(System.currentTimeMillis(), scoreInterval);
                Set<ConnectionKey> probe = probe(ids);
                boolean warmed = waitFor("the first scores of every connection", Duration.ofSeconds(timeoutSeconds),
                        () -> allScored(scores, probe, ids.length, warm));
                out.printf(Locale.ROOT, "  warm-up: %,d of %,d connections scored for the window ending %d, %.1f s "
                        + "after its end%n", count(scores, warm), ids.length, warm,
                        (System.currentTimeMillis() - warm) / 1000.0);
                if (!warmed) {
                    windows = 1;
                } else {
                    // Opening 100,000 connections in the same second is a one-off burst (and the JIT is still
                    // compiling): the full run lets the member settle before measuring the steady refresh.
                    out.printf(Locale.ROOT, "  settling for %d s%s%n", settleSeconds,
                            quick ? " (--quick: the next window is still in the opening burst)" : "");
                    Thread.sleep(settleSeconds * 1000L);
                }
                long previous = 0;
                for (int w = 0; w < windows; w++) {
                    long end = Math.max(nextBoundary(System.currentTimeMillis(), scoreInterval),
                            previous + scoreInterval);
                    previous = end;
                    // No score of the window can exist before its last flush interval is flushed: poll after that.
                    long lastFlush = end + analyzer.intervals().get(0).toMillis();
                    Thread.sleep(Math.max(0, lastFlush - System.currentTimeMillis()));
                    boolean all = waitFor("scores of window " + end, Duration.ofSeconds(timeoutSeconds / 2 + 5),
                            () -> allScored(scores, probe, ids.length, end));
                    double seconds = (System.currentTimeMillis() - end) / 1000.0;
                    out.printf(Locale.ROOT, "  window ending %d: %,d of %,d scored %.2f s after its end%s%n", end,
                            count(scores, end), ids.length, seconds,
                            all ? "" : " (gave up: the value is a lower bound)");
                    refresh.add(seconds);
                }
                if (!quick) {
                    long heapAfter = heapAfterFullGc();
                    double perConnection = (double) (heapAfter - heapBefore) / ids.length;
                    out.printf(Locale.ROOT, "  memory: heap after a full GC %,d MB before the history, %,d MB with %,d "
                                    + "connections at full history: %,.0f bytes per connection%n", heapBefore >> 20,
                            heapAfter >> 20, ids.length, perConnection);
                    report.add(BenchResult.valueOnlyAtMost("bytes_per_connection", "embedded, full history",
                            perConnection, 16 * 1024));
                }
            } finally {
                stop.set(true);
                driver.join();
            }
        }
        double worst = refresh.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        out.printf(Locale.ROOT, "  score refresh per window: %s s%n", refresh);
        report.add(BenchResult.valueOnlyAtMost("score_refresh_s", quick ? "embedded, opening burst"
                : "embedded, steady, worst of " + refresh.size(), worst, scoreInterval / 1000.0));
    }

    private static String session(int connection) {
        return "sc-session-" + connection / CONNECTIONS_PER_SESSION;
    }

    /** Each connection, once a second, makes 0, 1 or 2 requests, with the fields {@link HistoryPrefill} assumes. */
    private static void drive(ConnectionTracker tracker, String[] ids, AtomicBoolean stop) {
        SplittableRandom random = new SplittableRandom(1);
        int slice = 0;
        while (!stop.get()) {
            int from = slice * ids.length / 10;
            int to = (slice + 1) * ids.length / 10;
            for (int i = from; i < to; i++) {
                for (int r = random.nextInt(3); r > 0; r--) {
                    long[] q = HistoryPrefill.request(random);
                    tracker.request(ids[i], API[i & 3], q[0], q[1], q[2], q[3] == 1);
                }
            }
            slice = (slice + 1) % 10;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Fills the stored series of every connection and session to full history (see {@link HistoryPrefill}). */
    private static void prefill(HazelcastInstance member, AnalyzerConfig analyzer, String[] ids, PrintStream out) {
        long[] intervals = analyzer.intervals().stream().mapToLong(Duration::toMillis).toArray();
        int[] points = new int[intervals.length];
        for (int i = 0; i < points.length; i++) {
            points[i] = analyzer.connectionHistory(i);
        }
        SeriesRings.History history = new SeriesRings.History(intervals, points);
        long now = System.currentTimeMillis();
        long t0 = System.nanoTime();
        IMap<ConnectionKey, SeriesRings> connections = member.getMap(AnalyzerMaps.CONNECTIONS);
        IMap<ConnectionKey, SeriesRings> sessions = member.getMap(AnalyzerMaps.SESSIONS);
        List<ConnectionKey> connectionKeys = new ArrayList<>();
        List<ConnectionKey> sessionKeys = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            connectionKeys.add(new ConnectionKey(session(i), ids[i]));
            if (i % CONNECTIONS_PER_SESSION == 0) {
                sessionKeys.add(ConnectionKey.session(session(i)));
            }
        }
        fill(member, connections, connectionKeys, new HistoryPrefill(history, now, 1));
        fill(member, sessions, sessionKeys, new HistoryPrefill(history, now, CONNECTIONS_PER_SESSION));
        out.printf(Locale.ROOT, "  history: %,d connection and %,d session series filled to %s windows per interval "
                        + "(plus up to one block) in %.1f s%n", connections.size(), sessions.size(),
                Arrays.toString(points), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Runs {@code prefill} on {@code keys}, one call per Hazelcast partition (a multi-key call checks every key
     * it carries in every partition it runs on), a few partitions at a time.
     */
    private static void fill(HazelcastInstance member, IMap<ConnectionKey, SeriesRings> map, List<ConnectionKey> keys,
                             HistoryPrefill prefill) {
        Map<Integer, Set<ConnectionKey>> byPartition = new HashMap<>();
        for (ConnectionKey key : keys) {
            byPartition.computeIfAbsent(member.getPartitionService().getPartition(key).getPartitionId(),
                    p -> new HashSet<>()).add(key);
        }
        List<CompletableFuture<?>> running = new ArrayList<>();
        for (Set<ConnectionKey> partition : byPartition.values()) {
            running.add(map.submitToKeys(partition, prefill).toCompletableFuture());
            if (running.size() == 8) {
                running.remove(0).join();
            }
        }
        running.forEach(CompletableFuture::join);
    }

    /** Heap used after a full collection (System.gc() is a full, compacting collection with G1's defaults). */
    private static long heapAfterFullGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * Measuring apparatus, kept light on the member it measures: a probe of {@value #PROBE} connections is read
     * (one getAll) until all of them are scored for the window; only then are all scores counted (a scan).
     * An index on windowEnd would make the count cheap but costs every score write (~20% of the partition
     * threads' time in a profile), so the benchmark does without.
     */
    private static boolean allScored(IMap<Object, HealthScore> scores, Set<ConnectionKey> probe, int connections,
                                     long windowEnd) {
        Map<Object, HealthScore> read = scores.getAll(new HashSet<>(probe));
        return read.size() == probe.size() && read.values().stream().allMatch(s -> s.windowEnd() >= windowEnd)
                && count(scores, windowEnd) >= connections;
    }

    private static Set<ConnectionKey> probe(String[] ids) {
        SplittableRandom random = new SplittableRandom(7);
        Set<ConnectionKey> probe = new HashSet<>();
        while (probe.size() < PROBE) {
            int i = random.nextInt(ids.length);
            probe.add(new ConnectionKey(session(i), ids[i]));
        }
        return probe;
    }

    private static long count(IMap<Object, HealthScore> scores, long windowEnd) {
        return scores.aggregate(Aggregators.count(), Predicates.greaterEqual("windowEnd", windowEnd));
    }
}
