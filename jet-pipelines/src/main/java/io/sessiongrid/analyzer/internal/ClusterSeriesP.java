package io.sessiongrid.analyzer.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Traverser;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.Util;
import com.hazelcast.jet.core.AbstractProcessor;
import com.hazelcast.jet.core.Watermark;
import com.hazelcast.jet.core.metrics.Metric;
import com.hazelcast.jet.core.metrics.Metrics;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.sessiongrid.analyzer.AnalyzerMaps;
import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.forecast.Forecasters;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * The analyzer job's cluster stage, one instance receiving from every aggregating processor: adds their shares
 * of each cluster window and, once the watermark passed the window (every share has then arrived: a processor
 * emits its shares before it forwards the watermark), emits the cluster's point (ordinal 0) and, at the scoring
 * interval, the updated cluster forecast (ordinal 1, keyed {@value AnalyzerMaps#CLUSTER_FORECAST_KEY}); with a
 * {@link SeasonalSetup}, also the seasonal forecast at its interval (keyed
 * {@value AnalyzerMaps#SEASONAL_FORECAST_KEY}). Not cooperative: a forecast refit takes milliseconds.
 */
public final class ClusterSeriesP extends AbstractProcessor {
    /** The key that routes every share here, and under which open sums are saved (so they restore here too). */
    public static final String ROUTING_KEY = "sessiongrid-cluster";
    static final long SWEEP_EVERY_MILLIS = 60_000;

    private final long flush;
    private final long scoreInterval;
    private final int historyPoints;
    private final int horizonSteps;
    private final long retentionMillis;
    private final SeasonalSetup seasonal; // null: no seasonal forecast
    private final Executor seasonalFits;
    private long lastSweep = Long.MIN_VALUE;
    private HazelcastInstance hz;
    private final Map<Long, TreeMap<Long, WindowTotals>> sums = new TreeMap<>();
    private final PendingOutput out = new PendingOutput(0, 1);
    private final PendingOutput.Emitter emitter = this::tryEmit;
    private ClusterForecaster forecaster;
    private ClusterForecaster seasonalForecaster;
    private boolean pending;
    private Traverser<Map.Entry<String, SeriesPoint>> snapshot;
    private Metric windowsEmitted;
    private Metric forecastsComputed;
    private Metric forecastMicros;
    private Metric forecastErrorPct;
    private Metric seasonalForecasts;

    public ClusterSeriesP(long flush, long scoreInterval, int historyPoints, int horizonSteps) {
        this(flush, scoreInterval, historyPoints, horizonSteps, 0, null);
    }

    /**
     * @param retentionMillis when positive, about once a minute (of event time) the connection and session series
     *                        and scores whose newest window ended more than this long before the watermark are
     *                        removed (this processor runs once per job, and may block: it is not cooperative)
     * @param seasonal        the seasonal forecast's shape, or null for none
     */
    public ClusterSeriesP(long flush, long scoreInterval, int historyPoints, int horizonSteps, long retentionMillis,
                          SeasonalSetup seasonal) {
        this(flush, scoreInterval, historyPoints, horizonSteps, retentionMillis, seasonal, null);
    }

    /** As above, fitting the seasonal model on {@code seasonalFits} (null: the shared refit thread). */
    ClusterSeriesP(long flush, long scoreInterval, int historyPoints, int horizonSteps, long retentionMillis,
                   SeasonalSetup seasonal, Executor seasonalFits) {
        this.seasonalFits = seasonalFits;
        this.retentionMillis = retentionMillis;
        this.seasonal = seasonal;
        this.flush = flush;
        this.scoreInterval = scoreInterval;
        this.historyPoints = historyPoints;
        this.horizonSteps = horizonSteps;
    }

    @Override
    public boolean isCooperative() {
        return false;
    }

    @Override
    protected void init(Context context) {
        hz = context.hazelcastInstance();
        forecaster = new ClusterForecaster(Forecasters.auto(), scoreInterval, historyPoints, horizonSteps, 1,
                ClusterForecaster.DEFAULT_REFIT_EVERY);
        IMap<Long, SeriesRing> stored = context.hazelcastInstance().getMap(AnalyzerMaps.CLUSTER);
        seed(forecaster, stored.get(scoreInterval)); // the forecasters are not in snapshots: the store is
        if (seasonal != null) {
            // Refit once a season, as the simulator does; the first fit off this thread too (seconds on 10 days).
            seasonalForecaster = new ClusterForecaster(Forecasters.auto(), seasonal.intervalMillis(),
                    seasonal.history(), seasonal.horizon(), seasonal.season(), seasonal.season(),
                    seasonal.required(), false, seasonalFits != null ? seasonalFits : ClusterForecaster.refitThread());
            seed(seasonalForecaster, stored.get(seasonal.intervalMillis()));
        }
    }

    private static void seed(ClusterForecaster target, SeriesRing history) {
        if (history != null) {
            target.seed(history.requestRates());
        }
    }

    /** User metrics can only be created on the thread running the processor, not always the one calling init. */
    private void metrics() {
        if (windowsEmitted == null) {
            windowsEmitted = Metrics.metric("windowsEmitted");
            forecastsComputed = Metrics.metric("forecastsComputed");
            forecastMicros = Metrics.metric("forecastMicros");
            forecastErrorPct = Metrics.metric("forecastErrorPct");
            seasonalForecasts = Metrics.metric("seasonalForecastsComputed");
        }
    }

    @Override
    protected boolean tryProcess(int ordinal, Object item) {
        add((SeriesPoint) item);
        return true;
    }

    private void add(SeriesPoint share) {
        sums.computeIfAbsent(share.intervalMillis(), k -> new TreeMap<>())
                .computeIfAbsent(share.windowStart(), k -> new WindowTotals()).add(share);
    }

    @Override
    public boolean tryProcessWatermark(Watermark watermark) {
        if (!pending) {
            metrics();
            close(watermark.timestamp() + flush - 1);
            sweep(watermark.timestamp());
            pending = true;
        }
        if (!out.drain(emitter) || !tryEmit(watermark)) {
            return false;
        }
        pending = false;
        return true;
    }

    private void close(long limit) {
        for (Map.Entry<Long, TreeMap<Long, WindowTotals>> byInterval : sums.entrySet()) {
            long interval = byInterval.getKey();
            for (Iterator<Map.Entry<Long, WindowTotals>> it = byInterval.getValue().entrySet().iterator();
                 it.hasNext(); ) {
                Map.Entry<Long, WindowTotals> w = it.next();
                if (w.getKey() + interval > limit) {
                    break;
                }
                it.remove();
                SeriesPoint point = w.getValue().toPoint(w.getKey(), interval);
                windowsEmitted.increment();
                out.add(0, point);
                if (interval == scoreInterval) {
                    forecast(point);
                }
                if (seasonalForecaster != null && interval == seasonal.intervalMillis()) {
                    seasonalForecast(point);
                }
            }
        }
    }

    /** Removes series and scores older than the retention, at most once per {@value #SWEEP_EVERY_MILLIS} ms. */
    private void sweep(long watermark) {
        if (retentionMillis <= 0 || (lastSweep != Long.MIN_VALUE && watermark - lastSweep < SWEEP_EVERY_MILLIS)) {
            return;
        }
        lastSweep = watermark;
        long cutoff = watermark - retentionMillis;
        hz.getMap(AnalyzerMaps.CONNECTIONS).removeAll(new StaleSeries(cutoff));
        hz.getMap(AnalyzerMaps.SESSIONS).removeAll(new StaleSeries(cutoff));
        hz.getMap(AnalyzerMaps.SCORES).removeAll(Predicates.lessThan("windowEnd", cutoff));
    }

    private void forecast(SeriesPoint point) {
        ClusterForecast f = forecaster.accept(point.windowEnd(), point.requestRate());
        if (f != null) {
            forecastsComputed.increment();
            forecastMicros.set(f.computeMicros());
            if (f.lastErrorPct() >= 0) {
                forecastErrorPct.set(Math.round(f.lastErrorPct()));
            }
            out.add(1, Util.entry(AnalyzerMaps.CLUSTER_FORECAST_KEY, f));
        }
    }

    private void seasonalForecast(SeriesPoint point) {
        ClusterForecast f = seasonalForecaster.accept(point.windowEnd(), point.requestRate());
        if (f != null) {
            seasonalForecasts.increment();
            out.add(1, Util.entry(AnalyzerMaps.SEASONAL_FORECAST_KEY, f));
        }
    }

    @Override
    public boolean saveToSnapshot() {
        if (snapshot == null) {
            List<Map.Entry<String, SeriesPoint>> open = new ArrayList<>();
            sums.forEach((interval, windows) -> windows.forEach((start, totals) ->
                    open.add(Util.entry(ROUTING_KEY, totals.toPoint(start, interval)))));
            snapshot = Traversers.traverseIterable(open).onFirstNull(() -> snapshot = null);
        }
        return emitFromTraverserToSnapshot(snapshot);
    }

    @Override
    protected void restoreFromSnapshot(Object key, Object value) {
        add((SeriesPoint) value);
    }
}
