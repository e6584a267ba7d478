package io.sessiongrid.node.bench;

import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.SniConfig;
import io.sessiongrid.sni.Allocation;
import io.sessiongrid.sni.IdRange;
import io.sessiongrid.sni.SniOptions;
import io.sessiongrid.sni.SniService;
import io.sessiongrid.sni.SniServices;
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
        private final int[][] bins;
        private final int replayBins;
        private final ExecutorService pool;
        private final PrintStream out;
        final Side predictive;
        final Side baseline;
        private final double[] weights = new double[SniBenchmark.APPS];
        private final int[][] history;
        private final int burstThreshold;
        /** VMs of each application alive on the predictive side (the profiler's VM count). */
        private final long[] activeVms = new long[SniBenchmark.APPS];

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
            }
            history = new int[SniBenchmark.APPS][replayBins];
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

        private void forecast(int bin) {
            for (int a = 0; a < SniBenchmark.APPS; a++) {
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
