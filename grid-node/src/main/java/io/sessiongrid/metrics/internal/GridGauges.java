package io.sessiongrid.metrics.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.metrics.JobMetrics;
import com.hazelcast.jet.core.metrics.Measurement;
import io.sessiongrid.analyzer.AnalyzerJobs;
import io.sessiongrid.analyzer.ConnectionTracker;
import io.sessiongrid.metrics.Meters;
import io.sessiongrid.sni.PoolStatus;
import io.sessiongrid.sni.SniService;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Gauges and counters read from what a node already keeps: cluster size, its connection tracker, the analyzer's
 * Jet job metrics (the ones Management Center shows, summed over processors) and the SNI pool. Expensive reads
 * (job metrics, the pool scan) are cached for {@link #CACHE}, shorter than any sensible scrape interval.
 */
public final class GridGauges {
    static final Duration CACHE = Duration.ofSeconds(5);

    private GridGauges() {
    }

    /** Members in the cluster as this node sees it. */
    public static void cluster(Meters meters, HazelcastInstance hz) {
        meters.gauge("sessiongrid.cluster.members", "Members in the cluster as this node sees it", hz,
                h -> h.getLifecycleService().isRunning() ? h.getCluster().getMembers().size() : 0);
    }

    /** This node's connection tracker; {@code tracker} returns null until the application first uses it. */
    public static void tracker(Meters meters, Supplier<ConnectionTracker> tracker) {
        meters.gauge("sessiongrid.tracker.connections", "Connections open in this node's tracker", tracker,
                t -> t.get() == null ? 0 : t.get().openConnections());
        meters.functionCounter("sessiongrid.tracker.unknown.events",
                "Tracker events dropped because their connection was never opened", tracker,
                t -> t.get() == null ? 0 : t.get().unknownConnectionEvents());
        meters.functionCounter("sessiongrid.tracker.failed.flushes",
                "Tracker flushes that failed (their counts are carried into the next flush)", tracker,
                t -> t.get() == null ? 0 : t.get().failedFlushes());
    }

    /** The analyzer job's Jet user metrics (zero while the job is not running). */
    public static void analyzer(Meters meters, HazelcastInstance hz, Clock clock) {
        Cached<JobMetrics> metrics = new Cached<>(() -> {
            Job job = AnalyzerJobs.find(hz);
            return job == null ? JobMetrics.empty() : job.getMetrics();
        }, JobMetrics.empty(), CACHE, clock);
        counter(meters, metrics, "sessiongrid.analyzer.events", "eventsIn", "Connection events aggregated");
        counter(meters, metrics, "sessiongrid.analyzer.samples", "samplesIn", "Tracker samples ingested");
        counter(meters, metrics, "sessiongrid.analyzer.late.events", "lateEvents",
                "Samples that arrived after their window closed (joined to the oldest open window)");
        counter(meters, metrics, "sessiongrid.analyzer.windows", "windowsEmitted", "Windows closed and stored");
        counter(meters, metrics, "sessiongrid.analyzer.scores", "scoresComputed", "Health scores computed");
        counter(meters, metrics, "sessiongrid.analyzer.forecasts", "forecastsComputed", "Cluster forecasts computed");
        counter(meters, metrics, "sessiongrid.analyzer.seasonal.forecasts", "seasonalForecastsComputed",
                "Seasonal cluster forecasts computed (analyzer.season; none until two seasons are in)");
        meters.gauge("sessiongrid.analyzer.forecast.error.percent",
                "Recent error of the cluster forecast, percent of the observed load", metrics,
                m -> max(m.get(), "forecastErrorPct"));
        meters.gauge("sessiongrid.analyzer.forecast.micros", "Time of the last cluster forecast, microseconds",
                metrics, m -> max(m.get(), "forecastMicros"));
    }

    /** The SNI pool: free, leased and reserved identifiers, and contiguity. */
    public static void sni(Meters meters, SniService sni, Clock clock) {
        Cached<PoolStatus> pool = new Cached<>(sni::poolStatus, null, CACHE, clock);
        gauge(meters, pool, "sessiongrid.sni.space.size", "Identifiers in the space (2^widthBits)", PoolStatus::totalIds);
        gauge(meters, pool, "sessiongrid.sni.ids.free", "Identifiers neither leased nor reserved", PoolStatus::freeIds);
        gauge(meters, pool, "sessiongrid.sni.ids.leased", "Identifiers held by leases", PoolStatus::leasedIds);
        gauge(meters, pool, "sessiongrid.sni.ids.reserved", "Identifiers held by reservations", PoolStatus::reservedIds);
        gauge(meters, pool, "sessiongrid.sni.chunks.free", "Chunks owned by no application", PoolStatus::freeChunks);
        gauge(meters, pool, "sessiongrid.sni.contiguity",
                "Share of held identifiers in their application's best contiguous range", PoolStatus::contiguity);
    }

    private static void gauge(Meters meters, Cached<PoolStatus> pool, String name, String help,
                              ToDoubleFunction<PoolStatus> value) {
        meters.gauge(name, help, pool, p -> p.get() == null ? Double.NaN : value.applyAsDouble(p.get()));
    }

    private static void counter(Meters meters, Cached<JobMetrics> metrics, String name, String jetName, String help) {
        meters.functionCounter(name, help + " (analyzer Jet job metric " + jetName + ")", metrics,
                m -> sum(m.get().get(jetName)));
    }

    private static double sum(List<Measurement> measurements) {
        long total = 0;
        for (Measurement m : measurements) {
            total += m.value();
        }
        return total;
    }

    private static double max(JobMetrics metrics, String name) {
        List<Measurement> all = metrics.get(name);
        return all.isEmpty() ? Double.NaN : all.stream().mapToLong(Measurement::value).max().orElse(0);
    }
}
