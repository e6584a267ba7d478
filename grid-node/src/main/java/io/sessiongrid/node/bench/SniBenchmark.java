package io.sessiongrid.node.bench;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.SniConfig;
import io.sessiongrid.forecast.backtest.TraceCsv;
import io.sessiongrid.sni.Allocation;
import io.sessiongrid.sni.SniConfigs;
import io.sessiongrid.sni.SniMaps;
import io.sessiongrid.sni.SniOptions;
import io.sessiongrid.sni.SniService;
import io.sessiongrid.sni.SniServices;
import io.sessiongrid.sni.reservation.PredictiveAllocator;
import io.sessiongrid.sni.sharding.ShardingMode;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code bench sni}: SNI allocation driven by the Azure 2017 VM-arrival trace, dynamic sharding with predictive and
 * shadow allocation against the random-sharding baseline, in the same run on one embedded member.
 *
 * <p>Replay: each 5-minute bin's VM arrivals are split into its tenant batches (one {@code allocate} per batch),
 * spread over {@value #APPS} application clusters with Zipf-like weights. VMs depart after a lifetime drawn from a
 * mix of short (mean 1 h) and long (mean 3 days) exponentials: an assumption, the trace has arrivals only. A bin with
 * arrivals at or above the trace's 90th percentile is a burst.
 *
 * <p>Prediction sees only the past: at the start of each bin every application's telemetry (its VM count) reaches
 * the behavioural profiler's own code ({@link io.sessiongrid.profiler.AppProfiler}, what the profiler's Jet job runs
 * per application), which closes the previous window and forecasts from closed windows only, i.e. from bins strictly
 * before this one; the profiles go through {@link PredictiveAllocator#onForecasts} exactly as the profile feed applies
 * them, once per profiler window, before the bin's requests. The allocating service instance hands out its shadow
 * reservations without a grid call. The baseline is the Network Manager alone: chunks in shuffled order, every
 * allocation on demand in the grid, no forecasts and no reservations.
 *
 * <p>Fairness: both sides run on the same member, the side that goes first alternates per bin, and each side's
 * background hand-overs are drained before the other side is timed. Latency is measured around each
 * {@code allocate} call on the worker thread that makes it. The cost of prediction is reported beside its benefit:
 * identifier-hours reserved but unused through a bin, reservation actions and the time of the feed (status reads
 * and reservation calls), the profiler's fitting time, and burst requests that still needed the grid.
 */
public final class SniBenchmark {
    static final String TRACE = "azure2017_vm_arrivals_5min.csv";
    static final int APPS = 8;
    static final int THREADS = 4;

    private SniBenchmark() {
    }

    public static BenchReport run(boolean quick, PrintStream out) {
        Path trace = locateTrace();
        int[][] bins = readTrace(trace);
        int replayBins = quick ? Math.min(300, bins.length) : bins.length;
        SniConfig config = SniConfigs.defaults();
        out.printf(Locale.ROOT, "bench sni%s: trace %s (%d of %d bins), %d-bit space, chunks of %d, %d apps%n",
                quick ? " --quick" : "", trace, replayBins, bins.length, config.widthBits(), config.chunkSize(), APPS);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        HazelcastInstance member = Hazelcast.newHazelcastInstance(memberConfig(config));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            AllocationRates tp = throughput(member, config, quick ? 300_000 : 1_500_000, out);
            SniTraceReplay.Replay replay = new SniTraceReplay.Replay(member, config, bins, replayBins, pool, out);
            replay.run();
            BenchReport report = new BenchReport("sni", quick, 1);
            SniTraceReplay.Side p = replay.predictive;
            SniTraceReplay.Side b = replay.baseline;
            report.add(BenchResult.valueAtLeast("allocations_per_s", "embedded, batched 64", tp.dynamic, tp.random,
                    "random sharding", 100_000));
            report.add(BenchResult.ratioAtMost("burst_p99", "embedded, trace, us", p.p99Burst(), b.p99Burst(),
                    "random sharding, on demand", 0.2));
            report.add(BenchResult.valueAtLeast("contiguity", "embedded, trace", p.contiguity(), b.contiguity(),
                    "random sharding", 0.95));
            report.add(BenchResult.valueAtMost("duplicates", "embedded, all phases", p.duplicates + tp.duplicates,
                    b.duplicates, "random sharding", 0));
            report.add(BenchResult.valueAtMost("idle_reserved_share", "trace, id-hours",
                    replay.idleReservedShare(), 0, "random sharding (reserves nothing)", 0.25));
            report.add(BenchResult.cost("idle_reserved_id_hours", "trace", replay.idleReservedIdHours, 0,
                    "random sharding (reserves nothing)"));
            report.add(BenchResult.cost("reservation_calls", "trace, feed actions", replay.reservationActions, 0,
                    "random sharding (none)"));
            report.add(BenchResult.cost("reservation_ms", "trace, feed time", replay.feedNanos / 1e6, 0,
                    "random sharding (none)"));
            report.add(BenchResult.cost("forecast_ms", "trace, profiler fits", replay.forecastNanos / 1e6, 0,
                    "random sharding (none)"));
            report.add(BenchResult.cost("burst_misses", "trace, requests", p.burst.size() - p.burstLocal,
                    b.burst.size(), "random sharding (every burst request)"));
            out.printf(Locale.ROOT, "%nburst requests %d; latency us p50/p99 burst: predictive %.0f/%.0f, baseline "
                            + "%.0f/%.0f; all bins p99: predictive %.0f, baseline %.0f%n",
                    p.burst.size(), p.p50Burst(), p.p99Burst(), b.p50Burst(), b.p99Burst(), p.p99All(), b.p99All());
            out.printf(Locale.ROOT, "burst requests served with no grid call: %.1f%% (%d missed); ",
                    100.0 * p.burstLocal / Math.max(1, p.burst.size()), p.burst.size() - p.burstLocal);
            out.printf(Locale.ROOT, "identifiers from shadow reservations %.1f%%; chunks taken on the request path: "
                            + "predictive %d, baseline %d; contiguity samples %d%n",
                    100.0 * p.fromReserved / Math.max(1, p.allocated), p.acquired, b.acquired,
                    p.contiguitySamples.size());
            out.printf(Locale.ROOT, "prediction cost: %d profiles (%.0f%% confident enough for shadow reservations), "
                            + "%d feed runs with %d reservation actions in %.0f ms, profiler fits %.0f ms; "
                            + "%.0f identifier-hours reserved but unused against %.0f allocated (%.3f)%n",
                    replay.profiles, 100.0 * replay.shadowProfiles / Math.max(1, replay.profiles), replay.feedRuns,
                    replay.reservationActions, replay.feedNanos / 1e6, replay.forecastNanos / 1e6,
                    replay.idleReservedIdHours, replay.allocatedIdHours, replay.idleReservedShare());
            return report;
        } finally {
            pool.shutdownNow();
            member.getLifecycleService().terminate();
        }
    }

    /** The trace: {@code sessiongrid.traces} (a folder), else ../shared/data/traces from here or a parent. */
    static Path locateTrace() {
        List<Path> tried = new ArrayList<>();
        String configured = System.getProperty("sessiongrid.traces");
        if (configured != null) {
            tried.add(Path.of(configured).resolve(TRACE));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            tried.add(dir.resolve("../shared/data/traces").normalize().resolve(TRACE));
        }
        return tried.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new IllegalStateException(
                "bench sni needs the Azure VM-arrival trace " + TRACE + "; looked in " + tried.get(0)
                        + (configured == null ? " (relative to " + Path.of("").toAbsolutePath() + ")" : "")
                        + ". Run from the project root next to ../shared/data/traces, or pass -Dsessiongrid.traces=DIR"));
    }

    /** Rows of {vm_arrivals, tenant_batches}, through the one trace reader. */
    static int[][] readTrace(Path file) {
        double[] arrivals = TraceCsv.read(file, "vm_arrivals").values();
        double[] batches = TraceCsv.read(file, "tenant_batches").values();
        int[][] rows = new int[arrivals.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new int[] {(int) Math.round(arrivals[i]), Math.max(1, (int) Math.round(batches[i]))};
        }
        return rows;
    }

    static Config memberConfig(SniConfig sni) {
        Config config = new Config();
        config.setClusterName("sni-bench-" + UUID.randomUUID().toString().substring(0, 8));
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getJetConfig().setEnabled(false);
        config.getNetworkConfig().setPort(5901).setPortAutoIncrement(true).setPortCount(50);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(false);
        return SniMaps.configure(config, sni);
    }

    private record AllocationRates(double dynamic, double random, long duplicates) {
    }

    /** Identifiers per second, {@value #THREADS} threads allocating batches of 64 for their own application. */
    private static AllocationRates throughput(HazelcastInstance member, SniConfig config, int ids, PrintStream out) {
        String run = Long.toString(System.nanoTime() % 100_000);
        long duplicates = 0;
        double[] rates = new double[2];
        for (int round = 0; round < 2; round++) {
            // Round 0 warms the JIT on both paths; round 1 measures.
            int target = round == 0 ? ids / 5 : ids;
            for (ShardingMode mode : ShardingMode.values()) {
                SniService sni = SniServices.create(member, config, new SniOptions("sessiongrid.sni.tp" + round + mode + run,
                        mode, Clock.systemUTC()));
                BitSet seen = new BitSet();
                List<List<Allocation>> results = new ArrayList<>();
                long start = System.nanoTime();
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    String app = "tp" + t;
                    sni.registerApp(app, 1);
                    List<Allocation> mine = new ArrayList<>();
                    results.add(mine);
                    Thread thread = new Thread(() -> {
                        for (int done = 0; done < target / THREADS; done += 64) {
                            mine.add(sni.allocate(app, 64));
                        }
                    });
                    threads.add(thread);
                    thread.start();
                }
                for (Thread thread : threads) {
                    try {
                        thread.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long total = 0;
                for (List<Allocation> list : results) {
                    for (Allocation a : list) {
                        total += a.size();
                        duplicates += SniTraceReplay.mark(seen, a);
                    }
                }
                rates[mode.ordinal()] = total / seconds;
                if (round == 1) {
                    out.printf(Locale.ROOT, "throughput %-7s %,d ids in %.2f s = %,.0f ids/s%n", mode, total, seconds,
                            total / seconds);
                }
            }
        }
        return new AllocationRates(rates[ShardingMode.DYNAMIC.ordinal()], rates[ShardingMode.RANDOM.ordinal()], duplicates);
    }
}
