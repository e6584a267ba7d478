package io.sessiongrid.node.bench;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.SniConfig;
import io.sessiongrid.sni.Allocation;
import io.sessiongrid.sni.IdRange;
import io.sessiongrid.sni.SniConfigs;
import io.sessiongrid.sni.SniMaps;
import io.sessiongrid.sni.SniOptions;
import io.sessiongrid.sni.SniService;
import io.sessiongrid.sni.SniServices;
import io.sessiongrid.sni.reservation.PredictiveAllocator;
import io.sessiongrid.sni.reservation.ReservationPolicy;
import io.sessiongrid.sni.reservation.VmForecast;
import io.sessiongrid.sni.sharding.ShardingMode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bench sni}: SNI allocation driven by the Azure 2017 VM-arrival trace, dynamic sharding with predictive and
 * shadow allocation against the random-sharding baseline, in the same run on one embedded member.
 *
 * <p>Replay: each 5-minute bin's VM arrivals are split into its tenant batches (one {@code allocate} per batch),
 * spread over {@value #APPS} application clusters with Zipf-like weights. VMs depart after a lifetime drawn from a
 * mix of short (mean 1 h) and long (mean 3 days) exponentials: an assumption, the trace has arrivals only. A bin with
 * arrivals at or above the trace's 90th percentile is a burst. Every three bins a forecast per application (a simple
 * profiler stand-in: 3 x the largest per-bin arrivals of the last day above the VMs it holds, confident after an hour
 * of history) goes through {@link PredictiveAllocator}, whose shadow reservations the allocating service instance
 * hands out without a grid call. The baseline is the Network Manager alone: chunks in shuffled order, every
 * allocation on demand in the grid, no forecasts and no reservations. Latency is measured around each
 * {@code allocate} call on the worker thread that makes it.
 */
public final class SniBenchmark {
    static final String TRACE = "azure2017_vm_arrivals_5min.csv";
    private static final int APPS = 8;
    private static final int THREADS = 4;

    private SniBenchmark() {
    }

    public static BenchReport run(boolean quick, PrintStream out) {
        Path trace = locateTrace();
        int[][] bins = readTrace(trace);
        int replayBins = quick ? Math.min(600, bins.length) : bins.length;
        SniConfig config = SniConfigs.defaults();
        out.printf(Locale.ROOT, "bench sni%s: trace %s (%d of %d bins), %d-bit space, chunks of %d, %d apps%n",
                quick ? " --quick" : "", trace, replayBins, bins.length, config.widthBits(), config.chunkSize(), APPS);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        HazelcastInstance member = Hazelcast.newHazelcastInstance(memberConfig(config));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            AllocationRates tp = throughput(member, config, quick ? 300_000 : 1_500_000, out);
            Replay replay = new Replay(member, config, bins, replayBins, pool, out);
            replay.run();
            BenchReport report = new BenchReport("sni", quick, 1);
            report.add(BenchResult.valueAtLeast("allocations_per_s", "embedded, batched 64", tp.dynamic, tp.random,
                    "random sharding", 100_000));
            report.add(BenchResult.ratioAtMost("burst_p99", "embedded, trace, us", replay.predictive.p99Burst(),
                    replay.baseline.p99Burst(), "random sharding, on demand", 0.2));
            report.add(BenchResult.valueAtLeast("contiguity", "embedded, trace", replay.predictive.contiguity(),
                    replay.baseline.contiguity(), "random sharding", 0.95));
            report.add(BenchResult.valueAtMost("duplicates", "embedded, all phases",
                    replay.predictive.duplicates + tp.duplicates, replay.baseline.duplicates, "random sharding", 0));
            out.printf(Locale.ROOT, "%nburst requests %d; latency us p50/p99 burst: predictive %.0f/%.0f, baseline "
                            + "%.0f/%.0f; all bins p99: predictive %.0f, baseline %.0f%n",
                    replay.predictive.burst.size(), replay.predictive.p50Burst(), replay.predictive.p99Burst(),
                    replay.baseline.p50Burst(), replay.baseline.p99Burst(), replay.predictive.p99All(),
                    replay.baseline.p99All());
            out.printf(Locale.ROOT, "burst requests served with no grid call: %.1f%%; ",
                    100.0 * replay.predictive.burstLocal / Math.max(1, replay.predictive.burst.size()));
            out.printf(Locale.ROOT, "identifiers from shadow reservations %.1f%%; chunks taken on the request path: "
                            + "predictive %d, baseline %d; contiguity samples %d%n",
                    100.0 * replay.predictive.fromReserved / Math.max(1, replay.predictive.allocated),
                    replay.predictive.acquired, replay.baseline.acquired, replay.predictive.contiguitySamples.size());
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

    /** Rows of {vm_arrivals, tenant_batches}. */
    static int[][] readTrace(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            int[][] rows = new int[lines.size() - 1][];
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                rows[i - 1] = new int[] {Integer.parseInt(f[1].trim()), Math.max(1, Integer.parseInt(f[2].trim()))};
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the trace " + file + ": " + e.getMessage(), e);
        }
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
                SniService sni = SniServices.create(member, config, new SniOptions("sni.tp" + round + mode + run,
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
                        duplicates += mark(seen, a);
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

    /** Sets the allocation's identifiers in {@code live}; returns how many were set already (duplicates). */
    static long mark(BitSet live, Allocation a) {
        long dup = 0;
        for (IdRange r : a.lease().ranges()) {
            int from = (int) r.first();
            int to = from + r.length();
            dup += live.get(from, to).cardinality();
            live.set(from, to);
        }
        return dup;
    }

    /** Latencies, duplicates and contiguity of one side of the replay. */
    static final class Side {
        final String name;
        final SniService sni;
        final PredictiveAllocator predictive;
        final BitSet live = new BitSet();
        final List<Long> burst = new ArrayList<>();
        final List<Long> all = new ArrayList<>();
        final List<Double> contiguitySamples = new ArrayList<>();
        final List<List<Allocation>> departures = new ArrayList<>();
        long duplicates;
        long allocated;
        long fromReserved;
        long burstLocal;
        long acquired;

        Side(String name, SniService sni, PredictiveAllocator predictive) {
            this.name = name;
            this.sni = sni;
            this.predictive = predictive;
        }

        double p99Burst() {
            return percentile(burst, 0.99);
        }

        double p50Burst() {
            return percentile(burst, 0.50);
        }

        double p99All() {
            return percentile(all, 0.99);
        }

        double contiguity() {
            return contiguitySamples.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        private static double percentile(List<Long> nanos, double q) {
            if (nanos.isEmpty()) {
                return Double.NaN;
            }
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1_000.0;
        }
    }

    /** The trace replay on both sides, bin by bin, with identical requests and departures. */
    static final class Replay {
        private final int[][] bins;
        private final int replayBins;
        private final ExecutorService pool;
        private final PrintStream out;
        final Side predictive;
        final Side baseline;
        private final double[] weights = new double[APPS];
        private final int[][] history;
        private final int burstThreshold;
        /** VMs of each application alive on the predictive side (the profiler's VM count). */
        private final long[] activeVms = new long[APPS];

        Replay(HazelcastInstance member, SniConfig config, int[][] bins, int replayBins, ExecutorService pool,
               PrintStream out) {
            this.bins = bins;
            this.replayBins = replayBins;
            this.pool = pool;
            this.out = out;
            String run = Long.toString(System.nanoTime() % 100_000);
            SniService dynamic = SniServices.create(member, config,
                    new SniOptions("sni.replay" + run, ShardingMode.DYNAMIC, Clock.systemUTC()));
            SniService random = SniServices.create(member, config,
                    new SniOptions("sni.replay-random" + run, ShardingMode.RANDOM, Clock.systemUTC()));
            predictive = new Side("predictive", dynamic,
                    new PredictiveAllocator(dynamic, ReservationPolicy.defaults(config.reservationTtl())));
            baseline = new Side("baseline", random, null);
            double sum = 0;
            for (int a = 0; a < APPS; a++) {
                weights[a] = 1.0 / (a + 1);
                sum += weights[a];
            }
            for (int a = 0; a < APPS; a++) {
                weights[a] /= sum;
                dynamic.registerApp(app(a), APPS - a);
                random.registerApp(app(a), APPS - a);
            }
            history = new int[APPS][replayBins];
            int[] arrivals = Arrays.stream(bins, 0, replayBins).mapToInt(b -> b[0]).sorted().toArray();
            burstThreshold = arrivals[(int) (arrivals.length * 0.9)];
            for (int i = 0; i < replayBins + 2_000; i++) {
                predictive.departures.add(new ArrayList<>());
                baseline.departures.add(new ArrayList<>());
            }
        }

        static String app(int a) {
            return "app-" + a;
        }

        void run() {
            Random random = new Random(2017);
            long start = System.nanoTime();
            for (int bin = 0; bin < replayBins; bin++) {
                List<int[]> requests = requests(bins[bin], random);
                for (int[] r : requests) {
                    history[r[0]][bin] += r[1];
                }
                if (bin % 3 == 0) {
                    forecast(bin);
                }
                boolean burst = bins[bin][0] >= burstThreshold;
                // Alternate which side goes first, so that neither always meets a warmer or colder cache.
                Side first = bin % 2 == 0 ? predictive : baseline;
                Side second = first == predictive ? baseline : predictive;
                serve(first, requests, bin, burst);
                serve(second, requests, bin, burst);
                depart(predictive, bin);
                depart(baseline, bin);
                if (bin % 288 == 287 || bin == replayBins - 1) {
                    predictive.contiguitySamples.add(predictive.sni.poolStatus().contiguity());
                    baseline.contiguitySamples.add(baseline.sni.poolStatus().contiguity());
                }
                if (bin % 500 == 499) {
                    out.printf(Locale.ROOT, "  replayed %d/%d bins (%.0f s)%n", bin + 1, replayBins,
                            (System.nanoTime() - start) / 1e9);
                }
            }
        }

        /** {app, count, lifetimeBins} per tenant batch. */
        private List<int[]> requests(int[] bin, Random random) {
            int batches = Math.min(bin[1], bin[0]);
            int[] sizes = new int[batches];
            Arrays.fill(sizes, 1);
            for (int i = batches; i < bin[0]; i++) {
                sizes[random.nextInt(batches)]++;
            }
            List<int[]> out = new ArrayList<>(batches);
            for (int size : sizes) {
                double u = random.nextDouble();
                int a = 0;
                while (a < APPS - 1 && u > weights[a]) {
                    u -= weights[a];
                    a++;
                }
                double mean = random.nextBoolean() ? 12 : 864;
                int lifetime = 1 + (int) Math.min(1_999, -mean * Math.log(1 - random.nextDouble()));
                out.add(new int[] {a, size, lifetime});
            }
            return out;
        }

        private void forecast(int bin) {
            for (int a = 0; a < APPS; a++) {
                int peak = 0;
                double sum = 0;
                int from = Math.max(0, bin - 288);
                for (int b = from; b <= bin; b++) {
                    peak = Math.max(peak, history[a][b]);
                    sum += history[a][b];
                }
                double mean = sum / (bin - from + 1);
                long active = activeVms[a];
                double confidence = bin >= 12 ? 0.9 : 0.5;
                VmForecast f = new VmForecast(app(a), active + 3 * mean, active + 3.0 * Math.max(peak, mean),
                        confidence, Duration.ofMinutes(15));
                predictive.predictive.onForecast(f);
            }
        }

        private void serve(Side side, List<int[]> requests, int bin, boolean burst) {
            List<Future<Object[]>> futures = new ArrayList<>(requests.size());
            for (int[] r : requests) {
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    Allocation a = side.sni.allocate(app(r[0]), r[1]);
                    return new Object[] {a, System.nanoTime() - t0};
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                Object[] result;
                try {
                    result = futures.get(i).get();
                } catch (Exception e) {
                    throw new IllegalStateException(side.name + " allocation failed in bin " + bin, e);
                }
                Allocation a = (Allocation) result[0];
                long nanos = (Long) result[1];
                side.all.add(nanos);
                if (burst) {
                    side.burst.add(nanos);
                    side.burstLocal += a.fromReserved() == a.size() ? 1 : 0;
                }
                side.duplicates += mark(side.live, a);
                side.allocated += a.size();
                side.fromReserved += a.fromReserved();
                side.acquired += a.chunksAcquired();
                side.departures.get(bin + requests.get(i)[2]).add(a);
                if (side == predictive) {
                    activeVms[requests.get(i)[0]] += a.size();
                }
            }
        }

        private void depart(Side side, int bin) {
            List<Allocation> leaving = side.departures.get(bin);
            if (leaving.isEmpty()) {
                return;
            }
            List<IdRange> ranges = new ArrayList<>();
            for (Allocation a : leaving) {
                ranges.addAll(a.lease().ranges());
                if (side == predictive) {
                    activeVms[Integer.parseInt(a.lease().appId().substring(4))] -= a.size();
                }
                for (IdRange r : a.lease().ranges()) {
                    side.live.clear((int) r.first(), (int) r.first() + r.length());
                }
            }
            side.sni.release(ranges);
            leaving.clear();
        }
    }
}
