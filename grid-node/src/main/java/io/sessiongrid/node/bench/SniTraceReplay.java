package io.sessiongrid.node.bench;

import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.SniConfig;
import io.sessiongrid.node.sni.ProfileFeed;
import io.sessiongrid.profiler.AppProfile;
import io.sessiongrid.profiler.AppProfiler;
import io.sessiongrid.profiler.ProfilerConfig;
import io.sessiongrid.profiler.Telemetry;
import io.sessiongrid.sni.Allocation;
import io.sessiongrid.sni.IdRange;
import io.sessiongrid.sni.SniOptions;
import io.sessiongrid.sni.SniService;
import io.sessiongrid.sni.SniServices;
import io.sessiongrid.sni.Reservation;
import io.sessiongrid.sni.ReservationKind;
import io.sessiongrid.sni.reservation.PlanAction;
import io.sessiongrid.sni.reservation.PredictiveAllocator;
import io.sessiongrid.sni.reservation.ReservationPolicy;
import io.sessiongrid.sni.reservation.VmForecast;
import io.sessiongrid.sni.sharding.ShardingMode;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** The trace replay of {@code bench sni}: both sides (predictive and random sharding) driven by the Azure bins. */
final class SniTraceReplay {
    /** One trace bin. */
    static final Duration BIN = Duration.ofMinutes(5);
    /**
     * The profiler as the job runs it, with its window widened from the default minute to the trace's 5-minute bin:
     * the default horizon (15 minutes, 3 windows), the default history span (one day, 288 windows), the default
     * model (Holt-Winters, no season). With 1-minute windows every bin would give five windows holding the same VM
     * count, and the 345,000 Holt-Winters fits over 1,440 points would take the full run over half an hour on 2 cores.
     */
    static final ProfilerConfig PROFILER = new ProfilerConfig(BIN, 3, 288, 1, "holt_winters");

    private SniTraceReplay() {
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
        private static final double BIN_HOURS = BIN.toMillis() / 3_600_000.0;

        private final int[][] bins;
        private final int replayBins;
        private final ExecutorService pool;
        private final PrintStream out;
        final Side predictive;
        final Side baseline;
        private final double[] weights = new double[SniBenchmark.APPS];
        private final int burstThreshold;
        /** VMs of each application alive on the predictive side: what its telemetry reports. */
        private final long[] activeVms = new long[SniBenchmark.APPS];
        private final AppProfiler[] profilers = new AppProfiler[SniBenchmark.APPS];
        /** Costs of prediction. */
        long forecastNanos;
        long feedNanos;
        long feedRuns;
        long reservationActions;
        double idleReservedIdHours;
        double allocatedIdHours;
        /** Profiles whose confidence made shadow reservations (the rest pinned ranges or reserved nothing). */
        long shadowProfiles;
        long profiles;

        Replay(HazelcastInstance member, SniConfig config, int[][] bins, int replayBins, ExecutorService pool,
               PrintStream out) {
            this.bins = bins;
            this.replayBins = replayBins;
            this.pool = pool;
            this.out = out;
            String run = Long.toString(System.nanoTime() % 100_000);
            SniService dynamic = SniServices.create(member, config,
                    new SniOptions("sessiongrid.sni.replay" + run, ShardingMode.DYNAMIC, Clock.systemUTC()));
            SniService random = SniServices.create(member, config,
                    new SniOptions("sessiongrid.sni.replay-random" + run, ShardingMode.RANDOM, Clock.systemUTC()));
            predictive = new Side("predictive", dynamic,
                    new PredictiveAllocator(dynamic, ReservationPolicy.defaults(config.reservationTtl())));
            baseline = new Side("baseline", random, null);
            double sum = 0;
            for (int a = 0; a < SniBenchmark.APPS; a++) {
                weights[a] = 1.0 / (a + 1);
                sum += weights[a];
            }
            for (int a = 0; a < SniBenchmark.APPS; a++) {
                weights[a] /= sum;
                dynamic.registerApp(app(a), SniBenchmark.APPS - a);
                random.registerApp(app(a), SniBenchmark.APPS - a);
                profilers[a] = new AppProfiler(PROFILER);
            }
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

        /**
         * Per bin: (1) each application's telemetry at the bin's start closes its previous window, and the profiler
         * forecasts from the closed windows (bins strictly before this one); the profiles go through
         * {@link PredictiveAllocator#onForecasts} as the profile feed applies them; (2) both sides serve the bin's
         * requests, alternating which goes first, each side's background hand-overs drained before the other is
         * timed; (3) telemetry after the arrivals (the bin's VM count); (4) costs sampled, departures.
         */
        void run() {
            Random random = new Random(2017);
            long start = System.nanoTime();
            for (int bin = 0; bin < replayBins; bin++) {
                long binStart = bin * BIN.toMillis();
                feed(binStart);
                List<int[]> requests = requests(bins[bin], random);
                boolean burst = bins[bin][0] >= burstThreshold;
                // Alternate which side goes first, so that neither always meets a warmer or colder cache.
                Side first = bin % 2 == 0 ? predictive : baseline;
                Side second = first == predictive ? baseline : predictive;
                serve(first, requests, bin, burst);
                settle(first);
                serve(second, requests, bin, burst);
                settle(second);
                record(binStart + 1_000);
                sampleCosts();
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

        /** The bin's first telemetry: closes the previous window; its profiles are applied before any request. */
        private void feed(long binStart) {
            List<VmForecast> forecasts = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int a = 0; a < SniBenchmark.APPS; a++) {
                AppProfile profile = profilers[a].accept(telemetry(a, binStart));
                if (profile != null) {
                    forecasts.add(ProfileFeed.forecastOf(profile));
                }
            }
            long t1 = System.nanoTime();
            forecastNanos += t1 - t0;
            if (forecasts.isEmpty()) {
                return;
            }
            profiles += forecasts.size();
            ReservationPolicy policy = ReservationPolicy.defaults(Duration.ofDays(1));
            shadowProfiles += forecasts.stream().filter(f -> policy.kindFor(f) == ReservationKind.SHADOW).count();
            List<PlanAction> actions = predictive.predictive.onForecasts(forecasts);
            settle(predictive);
            feedNanos += System.nanoTime() - t1;
            feedRuns++;
            reservationActions += actions.size();
        }

        /** Telemetry later in the bin, after its arrivals: the window's VM count includes them. */
        private void record(long at) {
            long t0 = System.nanoTime();
            for (int a = 0; a < SniBenchmark.APPS; a++) {
                if (profilers[a].accept(telemetry(a, at)) != null) {
                    throw new IllegalStateException("a record inside the open window closed it");
                }
            }
            forecastNanos += System.nanoTime() - t0;
        }

        private Telemetry telemetry(int a, long at) {
            return new Telemetry(app(a), at, (int) activeVms[a], 0.5, 0, 0, 0, 0, 0);
        }

        /**
         * Waits for the side's background hand-overs (any status read drains them), so that none runs while the
         * other side is timed.
         */
        private static void settle(Side side) {
            side.sni.poolStatus();
        }

        /** Identifiers reserved through this bin but not allocated in it, against identifiers allocated. */
        private void sampleCosts() {
            long reserved = predictive.sni.poolStatus().reservedIds();
            for (int a = 0; a < SniBenchmark.APPS; a++) {
                for (Reservation r : predictive.predictive.reservations(app(a))) {
                    if (r.kind() == ReservationKind.RANGE) {
                        reserved += Math.min(r.count(), predictive.sni.status(app(a)).freeInChunks());
                    }
                }
            }
            idleReservedIdHours += reserved * BIN_HOURS;
            allocatedIdHours += predictive.live.cardinality() * BIN_HOURS;
        }

        /** Identifier-hours reserved but unused per identifier-hour allocated. */
        double idleReservedShare() {
            return allocatedIdHours == 0 ? 0 : idleReservedIdHours / allocatedIdHours;
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
                while (a < SniBenchmark.APPS - 1 && u > weights[a]) {
                    u -= weights[a];
                    a++;
                }
                double mean = random.nextBoolean() ? 12 : 864;
                int lifetime = 1 + (int) Math.min(1_999, -mean * Math.log(1 - random.nextDouble()));
                out.add(new int[] {a, size, lifetime});
            }
            return out;
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
