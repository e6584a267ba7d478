package io.sessiongrid.node.bench;

import com.hazelcast.aggregation.Aggregators;
import com.hazelcast.config.Config;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.sessiongrid.analyzer.AnalyzerJobs;
import io.sessiongrid.analyzer.AnalyzerMaps;
import io.sessiongrid.analyzer.Analyzers;
import io.sessiongrid.analyzer.ConnectionAnalyzer;
import io.sessiongrid.analyzer.ConnectionTracker;
import io.sessiongrid.analyzer.HealthScore;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.analyzer.internal.ClusterForecaster;
import io.sessiongrid.config.AnalyzerConfig;
import io.sessiongrid.config.HazelcastConfigs;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.forecast.Forecasters;
import io.sessiongrid.node.member.MemberConfigs;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * {@code bench analyzer}, on one embedded member with the default analyzer configuration (1 s, 5 s, 1 min):
 * <ul>
 *   <li>{@code events_per_s}: connection events recorded through a {@link ConnectionTracker} by
 *       {@value #THREADS} threads over {@value #EVENT_CONNECTIONS} connections, counted only once every one of
 *       them is aggregated in the cluster's 1 s series in the store (the run fails the bar if any is missing);
 *       against the same events written one {@code IMap.set} per event, what the issue rules out.</li>
 *   <li>{@code score_refresh_s}: {@value #SCORE_CONNECTIONS} open connections, each making about one request
 *       per second; the seconds from the end of a 5 s scoring window until all of them have a health score for
 *       it in the scores map (bar: within one 5 s interval). Measured on consecutive windows after all
 *       connections have their first score and a settling pause: opening 100,000 connections in one second
 *       is a burst the member absorbs in about a minute on 2 cores, so the full run settles 60 s and
 *       measures the steady refresh (worst of 4 windows); {@code --quick} (under a minute) settles 10 s and
 *       measures one window in the tail of the burst. The warm-up window is printed too. Completion is polled
 *       every {@value #POLL_MILLIS} ms.</li>
 *   <li>{@code forecast_ms}: the cluster forecast's cost per 5 s interval ({@code Forecasters.auto()} on a
 *       720-point history, refit every 60 points, model update in between), mean over 120 intervals; and
 *       {@code forecast_refit_ms}, one full refit, for information.</li>
 * </ul>
 */
public final class AnalyzerBenchmark {
    private static final int THREADS = 2;
    private static final int EVENT_CONNECTIONS = 1_000;
    private static final int SCORE_CONNECTIONS = 100_000;
    /** How often completion is polled: finer polling loads the member being measured. */
    private static final long POLL_MILLIS = 200;
    private static final String[] API = {"cart.get", "cart.add", "game.move", "auth.refresh"};

    private AnalyzerBenchmark() {
    }

    public static BenchReport run(boolean quick, PrintStream out) throws InterruptedException {
        SessionGridConfig config = SessionGridConfigLoader.defaults();
        AnalyzerConfig analyzer = config.analyzer();
        Config memberConfig = MemberConfigs.prepare(HazelcastConfigs.member(null), config);
        memberConfig.setClusterName("sessiongrid-bench-" + UUID.randomUUID().toString().substring(0, 8));
        memberConfig.getMetricsConfig().setCollectionFrequencySeconds(1);
        // Measuring apparatus: the benchmark polls "how many scores are at least this recent"; with an index
        // that count does not scan and deserialize 100,000 scores each time (which loaded the member it measures).
        memberConfig.getMapConfig(AnalyzerMaps.SCORES).addIndexConfig(
                new IndexConfig(IndexType.SORTED, "windowEnd").setName("bench-windowEnd"));
        BenchReport report = new BenchReport("analyzer", quick, 1);
        out.printf(Locale.ROOT, "bench analyzer: 1 member, intervals %s, %d recording threads%n",
                analyzer.intervals(), THREADS);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(memberConfig);
        try {
            Job job = AnalyzerJobs.ensureRunning(member, analyzer, config.scaling());
            waitFor("the analyzer job to run", Duration.ofSeconds(30), () -> job.getStatus() == JobStatus.RUNNING);
            events(report, member, analyzer, quick ? 5 : 15, quick ? 2 : 5, out);
            // --quick must end within a minute, so it measures in the tail of the opening burst (pessimistic).
            scores(report, member, analyzer, quick ? 1 : 4, quick ? 10 : 60, quick ? 20 : 60, out);
            forecast(report, out);
        } finally {
            // A benchmark's data is throwaway: stop the job first so shutdown does not wait on its snapshots.
            Job job = AnalyzerJobs.find(member);
            if (job != null) {
                job.cancel();
                waitFor("the analyzer job to stop", Duration.ofSeconds(15), () -> job.getStatus().isTerminal());
            }
            member.getLifecycleService().terminate();
        }
        return report;
    }

    private static void events(BenchReport report, HazelcastInstance member, AnalyzerConfig analyzer, int seconds,
                               int baselineSeconds, PrintStream out) throws InterruptedException {
        String[] ids = new String[EVENT_CONNECTIONS];
        IMap<String, Long> raw = member.getMap("bench.raw.events");
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "ev-" + i;
        }
        out.printf(Locale.ROOT, "  baseline: one IMap.set per event, %d s%n", baselineSeconds);
        double baseline = record(baselineSeconds, k -> raw.set(ids[k % ids.length], (long) k)).rate;
        raw.destroy();

        ConnectionAnalyzer reader = Analyzers.analyzer(member);
        Duration second = analyzer.intervals().get(0);
        long before = total(reader.clusterSeries(second));
        Recorded recorded;
        long drainMillis;
        try (ConnectionTracker tracker = Analyzers.tracker(member, analyzer)) {
            for (int i = 0; i < ids.length; i++) {
                tracker.opened(ids[i], "ev-session-" + (i % 200), "bench");
            }
            out.printf(Locale.ROOT, "  sessiongrid: recording for %d s on %d connections%n", seconds, ids.length);
            recorded = record(seconds, k -> tracker.request(ids[k % ids.length], API[k & 3], 100, 1000, 200,
                    (k & 127) == 0));
            long stopped = System.currentTimeMillis();
            long expected = before + recorded.events;
            boolean all = waitFor("every event in the store", Duration.ofSeconds(seconds < 10 ? 15 : 30),
                    () -> total(reader.clusterSeries(second)) >= expected);
            drainMillis = System.currentTimeMillis() - stopped;
            long stored = total(reader.clusterSeries(second)) - before;
            out.printf(Locale.ROOT, "  recorded %,d events (%,.0f/s), aggregated in the store: %,d (%s), last "
                            + "window visible %.1f s after recording stopped%n", recorded.events, recorded.rate,
                    stored, all ? "all" : "MISSING SOME", drainMillis / 1000.0);
            double rate = all ? recorded.rate : stored / recorded.seconds;
            report.add(BenchResult.valueAtLeast("events_per_s", "embedded", rate, baseline,
                    "one IMap.set per event", 1_000_000));
        }
    }

    private static void scores(BenchReport report, HazelcastInstance member, AnalyzerConfig analyzer, int windows,
                               int settleSeconds, int timeoutSeconds, PrintStream out) throws InterruptedException {
        long scoreInterval = AnalyzerJobs.scoreInterval(analyzer).toMillis();
        IMap<Object, HealthScore> scores = member.getMap(AnalyzerMaps.SCORES);
        String[] ids = new String[SCORE_CONNECTIONS];
        AtomicBoolean stop = new AtomicBoolean();
        double worst = 0;
        try (ConnectionTracker tracker = Analyzers.tracker(member, analyzer)) {
            for (int i = 0; i < ids.length; i++) {
                ids[i] = "sc-" + i;
                tracker.opened(ids[i], "sc-session-" + (i / 4), "bench");
            }
            out.printf(Locale.ROOT, "  scores: %,d connections open, ~1 request per connection per second%n",
                    ids.length);
            Thread driver = new Thread(() -> {
                int slice = 0;
                while (!stop.get()) {
                    int from = slice * ids.length / 10;
                    int to = (slice + 1) * ids.length / 10;
                    for (int i = from; i < to; i++) {
                        tracker.request(ids[i], API[i & 3], 100, 1000, 200, false);
                    }
                    slice = (slice + 1) % 10;
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-score-driver");
            driver.start();
            try {
                long warm = nextBoundary(System.currentTimeMillis(), scoreInterval);
                boolean warmed = waitFor("the first scores of every connection", Duration.ofSeconds(timeoutSeconds),
                        () -> count(scores, warm) >= ids.length);
                out.printf(Locale.ROOT, "  warm-up: %,d of %,d connections scored for the window ending %d, %.1f s "
                        + "after its end%n", count(scores, warm), ids.length, warm,
                        (System.currentTimeMillis() - warm) / 1000.0);
                if (!warmed) {
                    windows = 1;
                } else {
                    // Opening 100,000 connections in the same second is a one-off burst (and the JIT is still
                    // compiling): let the member settle before measuring the steady refresh.
                    out.printf(Locale.ROOT, "  settling for %d s%n", settleSeconds);
                    Thread.sleep(settleSeconds * 1000L);
                }
                long previous = 0;
                for (int w = 0; w < windows; w++) {
                    long end = Math.max(nextBoundary(System.currentTimeMillis(), scoreInterval), previous + scoreInterval);
                    previous = end;
                    boolean all = waitFor("scores of window " + end, Duration.ofSeconds(timeoutSeconds / 2 + 5),
                            () -> count(scores, end) >= ids.length);
                    double seconds = (System.currentTimeMillis() - end) / 1000.0;
                    out.printf(Locale.ROOT, "  window ending %d: %,d of %,d scored %.2f s after its end%s%n", end,
                            count(scores, end), ids.length, seconds, all ? "" : " (gave up: the value is a lower bound)");
                    worst = Math.max(worst, seconds);
                }
            } finally {
                stop.set(true);
                driver.join();
            }
        }
        report.add(BenchResult.valueAtMost("score_refresh_s", "embedded", worst, scoreInterval / 1000.0,
                "one scoring interval", scoreInterval / 1000.0));
    }

    private static void forecast(BenchReport report, PrintStream out) {
        int points = 720;
        int horizon = 9;
        Random random = new Random(42);
        double[] series = new double[points + 120];
        for (int i = 0; i < series.length; i++) {
            series[i] = 5000 + 2000 * Math.sin(2 * Math.PI * i / 240.0) + 3 * i + 200 * random.nextGaussian();
        }
        ClusterForecaster f = new ClusterForecaster(Forecasters.auto(), 5000, points, horizon, 1,
                ClusterForecaster.DEFAULT_REFIT_EVERY);
        f.seed(Arrays.copyOf(series, points));
        f.accept(0, series[points]); // the first fit, which also loads the native BLAS
        long t0 = System.nanoTime();
        f.seed(new double[0]);
        f.accept(0, series[points]); // a full refit, warm
        double refitMs = (System.nanoTime() - t0) / 1e6;
        long start = System.nanoTime();
        for (int i = 1; i < 120; i++) {
            f.accept(i * 5000L, series[points + i]);
        }
        double meanMs = (System.nanoTime() - start) / 1e6 / 119;
        out.printf(Locale.ROOT, "  forecast: %.2f ms per interval on average (refit every %d), one refit %.1f ms%n",
                meanMs, ClusterForecaster.DEFAULT_REFIT_EVERY, refitMs);
        report.add(BenchResult.valueAtMost("forecast_ms", "embedded", meanMs, 50, "target", 50));
        report.add(BenchResult.valueAtMost("forecast_refit_ms", "embedded", refitMs, 50, "target (info)", 50));
    }

    private record Recorded(long events, double seconds, double rate) {
    }

    private static Recorded record(int seconds, java.util.function.IntConsumer event) throws InterruptedException {
        LongAdder done = new LongAdder();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            int offset = t * 7919;
            Thread worker = new Thread(() -> {
                int k = offset;
                long local = 0;
                while ((local & 1023) != 0 || System.nanoTime() < deadline) {
                    event.accept(k++ & Integer.MAX_VALUE);
                    local++;
                }
                done.add(local);
            }, "bench-record-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Recorded(done.sum(), elapsed, done.sum() / elapsed);
    }

    private static long total(List<SeriesPoint> points) {
        return points.stream().mapToLong(SeriesPoint::requests).sum();
    }

    private static long count(IMap<Object, HealthScore> scores, long windowEnd) {
        return scores.aggregate(Aggregators.count(), Predicates.greaterEqual("windowEnd", windowEnd));
    }

    private static long nextBoundary(long now, long interval) {
        return (now / interval + 1) * interval;
    }

    private static boolean waitFor(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return condition.getAsBoolean();
    }
}
