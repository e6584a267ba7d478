package io.sessiongrid.node.bench;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import io.sessiongrid.analyzer.AnalyzerJobs;
import io.sessiongrid.analyzer.Analyzers;
import io.sessiongrid.analyzer.ConnectionAnalyzer;
import io.sessiongrid.analyzer.ConnectionTracker;
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
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * {@code bench analyzer}, on one embedded member with the default analyzer configuration (1 s, 5 s, 1 min):
 * <ul>
 *   <li>{@code events_per_s}, end to end: connection events recorded by {@value #THREADS} threads over
 *       {@value #EVENT_CONNECTIONS} connections, divided by the time from the first event recorded until the last
 *       1 s window holding them is visible in the store (the cluster's 1 s series must hold every one of them).
 *       Baseline, same member and run: {@link JetEventsBaseline}, the Pipeline-API job a Hazelcast user would
 *       write (one item per event, tumbling windows per connection at the same intervals, into IMaps), timed the
 *       same way.</li>
 *   <li>{@code score_refresh_s}: 100,000 open connections, each making 0-2 requests a
 *       second (one on average) with random sizes and latencies; the seconds from the end of a 5 s scoring
 *       window until all of them have a health score for it (a value target: one scoring interval). The full run
 *       first fills every connection's and session's stored series to full default history
 *       ({@link HistoryPrefill}), opens the connections, lets the opening burst settle 60 s and measures
 *       6 windows ({@link ScoreRefreshBench}); {@code --quick} (under a minute) has no history and measures
 *       one window 5 s into the opening burst, and says so in its mode.</li>
 *   <li>{@code bytes_per_connection} (full run): heap used after a full collection with the connections open at
 *       full history, minus the same before the history was filled, per connection. It holds everything the
 *       connections cost in this JVM: stored series of connections and sessions, scores, the job's state, and
 *       also the tracker's and the load driver's per-connection state (an application's, not the member's): an
 *       upper bound for a member.</li>
 *   <li>{@code forecast_ms}: the cluster forecast's cost per 5 s interval ({@code Forecasters.auto()} on a
 *       720-point history, refit every 60 points, model update in between), mean over 120 intervals, measured
 *       after the analyzer job is stopped (in production it runs once per interval, beside the job); and
 *       {@code forecast_refit_ms}, one full refit, for information. Value targets.</li>
 * </ul>
 */
public final class AnalyzerBenchmark {
    private static final int THREADS = 2;
    private static final int EVENT_CONNECTIONS = 1_000;
    /** How often completion is polled: finer polling loads the member being measured. */
    private static final long POLL_MILLIS = 200;
    static final String[] API = {"cart.get", "cart.add", "game.move", "auth.refresh"};

    private AnalyzerBenchmark() {
    }

    public static BenchReport run(boolean quick, PrintStream out) throws InterruptedException {
        SessionGridConfig config = SessionGridConfigLoader.defaults();
        AnalyzerConfig analyzer = config.analyzer();
        Config memberConfig = MemberConfigs.prepare(HazelcastConfigs.member(null), config);
        memberConfig.setClusterName("sessiongrid-bench-" + UUID.randomUUID().toString().substring(0, 8));
        BenchReport report = new BenchReport("analyzer", quick, 1);
        out.printf(Locale.ROOT, "bench analyzer: 1 member, intervals %s, %d recording threads%n",
                analyzer.intervals(), THREADS);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(memberConfig);
        try {
            Job job = AnalyzerJobs.ensureRunning(member, analyzer, config.scaling());
            waitFor("the analyzer job to run", Duration.ofSeconds(30), () -> job.getStatus() == JobStatus.RUNNING);
            events(report, member, analyzer, quick ? 4 : 15, quick ? 3 : 10, out);
            ScoreRefreshBench.run(report, member, analyzer, quick, out);
            stop(member);
            forecast(report, out);
        } finally {
            stop(member);
            member.getLifecycleService().terminate();
        }
        return report;
    }

    /** Stops the analyzer job (a benchmark's data is throwaway: shutdown need not wait on its snapshots). */
    private static void stop(HazelcastInstance member) throws InterruptedException {
        Job job = AnalyzerJobs.find(member);
        if (job != null && !job.getStatus().isTerminal()) {
            job.cancel();
            waitFor("the analyzer job to stop", Duration.ofSeconds(15), () -> job.getStatus().isTerminal());
        }
    }

    private static void events(BenchReport report, HazelcastInstance member, AnalyzerConfig analyzer, int seconds,
                               int baselineSeconds, PrintStream out) throws InterruptedException {
        String[] ids = new String[EVENT_CONNECTIONS];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "ev-" + i;
        }
        double baseline;
        try (JetEventsBaseline jet = new JetEventsBaseline(member, analyzer.intervals(),
                UUID.randomUUID().toString().substring(0, 8))) {
            waitFor("the baseline job to run", Duration.ofSeconds(30),
                    () -> jet.job().getStatus() == JobStatus.RUNNING);
            out.printf(Locale.ROOT, "  baseline: Jet Pipeline API, one item per event, %d s%n", baselineSeconds);
            long first = System.nanoTime();
            Recorded recorded = record(baselineSeconds, k -> jet.record(new JetEventsBaseline.Event(k % ids.length,
                    bytesIn(k), bytesOut(k), latency(k), error(k))));
            boolean all = waitFor("every baseline event windowed", Duration.ofSeconds(60),
                    () -> jet.windowedEvents() >= recorded.events)
                    && waitFor("every baseline window stored", Duration.ofSeconds(15),
                            () -> jet.storedEvents() >= recorded.events);
            double elapsed = (System.nanoTime() - first) / 1e9;
            baseline = (all ? recorded.events : jet.windowedEvents()) / elapsed;
            out.printf(Locale.ROOT, "  baseline: %,d events handed over (%,.0f/s while recording), %s stored %.1f s "
                            + "after the first: %,.0f/s end to end%n", recorded.events, recorded.rate,
                    all ? "all" : "NOT ALL", elapsed, baseline);
        }

        ConnectionAnalyzer reader = Analyzers.analyzer(member, analyzer);
        Duration second = analyzer.intervals().get(0);
        long before = total(reader.clusterSeries(second));
        try (ConnectionTracker tracker = Analyzers.tracker(member, analyzer)) {
            for (int i = 0; i < ids.length; i++) {
                tracker.opened(ids[i], "ev-session-" + (i % 200), "bench");
            }
            out.printf(Locale.ROOT, "  sessiongrid: recording for %d s on %d connections%n", seconds, ids.length);
            long first = System.nanoTime();
            Recorded recorded = record(seconds, k -> tracker.request(ids[k % ids.length], API[k & 3], bytesIn(k),
                    bytesOut(k), latency(k), error(k)));
            long expected = before + recorded.events;
            boolean all = waitFor("every event in the store", Duration.ofSeconds(30),
                    () -> total(reader.clusterSeries(second)) >= expected);
            double elapsed = (System.nanoTime() - first) / 1e9;
            long stored = total(reader.clusterSeries(second)) - before;
            double rate = stored / elapsed;
            out.printf(Locale.ROOT, "  sessiongrid: %,d events recorded (%,.0f/s while recording), %,d (%s) in the "
                            + "store %.1f s after the first (%.1f s after recording stopped): %,.0f/s end to end%n",
                    recorded.events, recorded.rate, stored, all ? "all" : "MISSING SOME", elapsed,
                    elapsed - recorded.seconds, rate);
            if (!all) {
                // Where did they go: events the aggregating stage saw (job metric) against the store's 1 s windows.
                Job job = AnalyzerJobs.find(member);
                out.printf(Locale.ROOT, "  MISSING: the job's eventsIn %s, lateEvents %s; newest 1 s windows: %s%n",
                        metric(job, "eventsIn"), metric(job, "lateEvents"), reader.clusterSeries(second).stream()
                                .skip(Math.max(0, reader.clusterSeries(second).size() - 25))
                                .map(p -> p.windowStart() % 100_000 + ":" + p.requests() + (p.late() > 0 ? "L" : ""))
                                .toList());
            }
            report.add(BenchResult.valueAtLeast("events_per_s", "embedded, end to end", rate, baseline,
                    "Jet Pipeline API, one item per event, tumbling windows per connection", 1_000_000));
        }
    }

    private static String metric(Job job, String name) {
        return job == null ? "?" : String.valueOf(job.getMetrics().get(name).stream()
                .mapToLong(com.hazelcast.jet.core.metrics.Measurement::value).sum());
    }

    // The same event fields on both sides, cheap to make (recording runs at millions per second).
    private static long bytesIn(int k) {
        return 50 + (k * 37L) % 400;
    }

    private static long bytesOut(int k) {
        return 200 + (k * 7919L) % 4800;
    }

    private static long latency(int k) {
        return 100 + (k * 131L) % 2900;
    }

    private static boolean error(int k) {
        return (k & 127) == 0;
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
        report.add(BenchResult.valueOnlyAtMost("forecast_ms", "embedded, job stopped", meanMs, 50));
        report.add(BenchResult.valueOnlyAtMost("forecast_refit_ms", "embedded, job stopped (info)", refitMs, 50));
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

    static long nextBoundary(long now, long interval) {
        return (now / interval + 1) * interval;
    }

    static boolean waitFor(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
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
