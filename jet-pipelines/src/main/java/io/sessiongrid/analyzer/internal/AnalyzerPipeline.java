package io.sessiongrid.analyzer.internal;

import com.hazelcast.jet.Traverser;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.Util;
import com.hazelcast.jet.core.Processor;
import com.hazelcast.jet.core.metrics.Metrics;
import com.hazelcast.jet.datamodel.KeyedWindowResult;
import com.hazelcast.jet.datamodel.WindowResult;
import com.hazelcast.jet.pipeline.JournalInitialPosition;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.ServiceFactories;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.Sources;
import com.hazelcast.jet.pipeline.StreamStage;
import com.hazelcast.jet.pipeline.WindowDefinition;
import com.hazelcast.map.IMap;
import io.sessiongrid.analyzer.AnalyzerMaps;
import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.analyzer.ConnectionSample;
import io.sessiongrid.analyzer.HealthScore;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.analyzer.score.ConnectionHealth;
import io.sessiongrid.analyzer.score.HealthScorer;
import io.sessiongrid.analyzer.score.Score;
import io.sessiongrid.analyzer.score.ScoreParams;
import io.sessiongrid.forecast.Forecasters;

import java.util.Map;

/**
 * Builds the analyzer's streaming pipeline:
 * <pre>
 *   ingest-map journal ─ unbatch ─ late-guard ─ event-time ─┬─ per interval: window per connection ─ store (+ score stage at the scoring interval)
 *                                                           ├─ per interval: window per session ─ store
 *                                                           └─ per interval: window over all ─ store (+ forecast stage at the scoring interval)
 * </pre>
 * Windows are tumbling, aligned with the trackers' flush intervals; the allowed lag is one flush interval.
 * User metrics: {@code eventsIn}, {@code samplesIn}, {@code lateEvents}, {@code windowsEmitted},
 * {@code scoresComputed}, {@code forecastsComputed}, {@code forecastErrorPct}, {@code forecastMicros}.
 */
public final class AnalyzerPipeline {

    private AnalyzerPipeline() {
    }

    /**
     * @param intervals      window lengths in millis, ascending; the first is the trackers' flush interval
     * @param scoreInterval  the interval whose connection windows feed the health score and whose cluster
     *                       windows feed the forecast; one of {@code intervals}
     * @param horizonSteps   the scaling horizon in score intervals
     * @param historyPoints  points kept per cluster series (and the forecast's history)
     * @param connectionHistory points kept per connection and per session series
     */
    public static Pipeline build(long[] intervals, long scoreInterval, int horizonSteps, int historyPoints,
                                 int connectionHistory) {
        long flush = intervals[0];
        long lag = flush;
        Pipeline p = Pipeline.create();
        StreamStage<ConnectionSample> samples = p
                .readFrom(Sources.<SampleBatch, String, SampleBatch>mapJournal(AnalyzerMaps.INGEST,
                        JournalInitialPosition.START_FROM_OLDEST, Util.mapEventNewValue(), Util.mapPutEvents()))
                .withoutTimestamps().setName("ingest")
                .flatMap(AnalyzerPipeline::unbatch).setName("unbatch")
                .mapUsingService(ServiceFactories.nonSharedService(ctx -> new LateGuard(lag)),
                        AnalyzerPipeline::guard).setName("late-guard")
                .addTimestamps(ConnectionSample::intervalStart, lag).setName("event-time")
                .filter(s -> !s.isHeartbeat()).setName("samples");

        for (long interval : intervals) {
            String label = interval + "ms";
            StreamStage<KeyedWindowResult<ConnectionKey, WindowTotals>> connections = samples
                    .window(WindowDefinition.tumbling(interval))
                    .groupingKey(s -> new ConnectionKey(s.sessionId(), s.connectionId()))
                    .aggregate(WindowTotals.OP).setName("connection-windows-" + label);
            connections
                    .map(r -> countWindow(Util.entry(new SeriesKey(r.key().sessionId(), r.key().connectionId(),
                            interval), r.result().toPoint(r.start(), interval))))
                    .setName("connection-points-" + label)
                    .writeTo(Sinks.mapWithUpdating(AnalyzerMaps.CONNECTIONS, Map.Entry::getKey,
                            appendFn(interval, connectionHistory)));
            if (interval == scoreInterval) {
                connections.groupingKey(KeyedWindowResult::key)
                        .mapStateful(20 * interval, ConnectionHealth::new,
                                (ConnectionHealth h, ConnectionKey k, KeyedWindowResult<ConnectionKey, WindowTotals> r) ->
                                        score(h, k, r, interval, horizonSteps),
                                (ConnectionHealth h, ConnectionKey k, Long wm) -> gone(h, k))
                        .setName("health-score")
                        .writeTo(Sinks.map(AnalyzerMaps.SCORES,
                                (HealthScore s) -> new ConnectionKey(s.sessionId(), s.connectionId()), s -> s));
            }

            samples.window(WindowDefinition.tumbling(interval))
                    .groupingKey(ConnectionSample::sessionId)
                    .aggregate(WindowTotals.OP).setName("session-windows-" + label)
                    .map(r -> Util.entry(new SeriesKey(r.key(), "", interval), r.result().toPoint(r.start(), interval)))
                    .setName("session-points-" + label)
                    .writeTo(Sinks.mapWithUpdating(AnalyzerMaps.SESSIONS, Map.Entry::getKey,
                            appendFn(interval, connectionHistory)));

            StreamStage<SeriesPoint> cluster = samples.window(WindowDefinition.tumbling(interval))
                    .aggregate(WindowTotals.OP).setName("cluster-windows-" + label)
                    .map((WindowResult<WindowTotals> r) -> r.result().toPoint(r.start(), interval))
                    .setName("cluster-points-" + label);
            cluster.writeTo(Sinks.mapWithUpdating(AnalyzerMaps.CLUSTER, (SeriesPoint pt) -> pt.intervalMillis(),
                    (SeriesRing ring, SeriesPoint pt) -> append(ring, pt, historyPoints)));
            if (interval == scoreInterval) {
                cluster.mapUsingService(ServiceFactories.nonSharedService(
                                        (Processor.Context ctx) -> forecaster(ctx, interval, historyPoints, horizonSteps))
                                .toNonCooperative(), AnalyzerPipeline::forecast)
                        .setLocalParallelism(1).setName("cluster-forecast")
                        .writeTo(Sinks.map(AnalyzerMaps.FORECAST, f -> AnalyzerMaps.CLUSTER_FORECAST_KEY, f -> f));
            }
        }
        return p;
    }

    private static Traverser<ConnectionSample> unbatch(SampleBatch batch) {
        ConnectionSample[] s = batch.samples();
        long events = 0;
        for (ConnectionSample sample : s) {
            events += sample.events();
        }
        Metrics.metric("eventsIn").increment(events);
        Metrics.metric("samplesIn").increment(s.length);
        ConnectionSample heartbeat = ConnectionSample.heartbeat(batch.intervalStart(), batch.intervalMillis());
        return Traversers.traverseArray(s).append(heartbeat);
    }

    private static ConnectionSample guard(LateGuard guard, ConnectionSample s) {
        ConnectionSample out = guard.apply(s);
        if (out != null && out != s) {
            Metrics.metric("lateEvents").increment(out.events());
        }
        return out;
    }

    private static <T> T countWindow(T item) {
        Metrics.metric("windowsEmitted").increment();
        return item;
    }

    private static com.hazelcast.function.BiFunctionEx<SeriesRing, Map.Entry<SeriesKey, SeriesPoint>, SeriesRing>
    appendFn(long interval, int capacity) {
        return (ring, e) -> append(ring, e.getValue(), capacity);
    }

    /** The store's update: append (or replace the newest window) in place; O(1). */
    static SeriesRing append(SeriesRing ring, SeriesPoint point, int capacity) {
        SeriesRing r = ring == null ? new SeriesRing(point.intervalMillis(), capacity) : ring;
        r.append(point);
        return r;
    }

    private static HealthScore score(ConnectionHealth h, ConnectionKey k, KeyedWindowResult<ConnectionKey, WindowTotals> r,
                                     long interval, int horizonSteps) {
        WindowTotals t = r.result();
        if (!h.observe(r.start(), interval, t.requests, t.errors, t.closes > 0)) {
            return null;
        }
        Score s = new HealthScorer(new ScoreParams(interval, horizonSteps, ScoreParams.DEFAULT_REFERENCE_RATE)).score(h);
        Metrics.metric("scoresComputed").increment();
        return new HealthScore(k.sessionId(), k.connectionId(), r.end(), s.score(), s.predictedRate(), s.usage(),
                s.churn(), s.decline(), s.errorRate(), h.closed(), s.reason());
    }

    private static HealthScore gone(ConnectionHealth h, ConnectionKey k) {
        if (h.closed()) {
            return null;
        }
        return new HealthScore(k.sessionId(), k.connectionId(), h.lastWindowStart(), 0, 0, 0, 1, 0, h.errorRate(),
                true, "no longer reported");
    }

    private static ClusterForecaster forecaster(Processor.Context ctx, long interval, int historyPoints, int horizon) {
        ClusterForecaster f = new ClusterForecaster(Forecasters.auto(), interval, historyPoints, horizon, 1,
                ClusterForecaster.DEFAULT_REFIT_EVERY);
        IMap<Long, SeriesRing> cluster = ctx.hazelcastInstance().getMap(AnalyzerMaps.CLUSTER);
        SeriesRing stored = cluster.get(interval);
        if (stored != null) {
            f.seed(stored.requestRates());
        }
        return f;
    }

    private static ClusterForecast forecast(ClusterForecaster f, SeriesPoint point) {
        ClusterForecast out = f.accept(point.windowEnd(), point.requestRate());
        if (out != null) {
            Metrics.metric("forecastsComputed").increment();
            Metrics.metric("forecastMicros").set(out.computeMicros());
            if (out.lastErrorPct() >= 0) {
                Metrics.metric("forecastErrorPct").set(Math.round(out.lastErrorPct()));
            }
        }
        return out;
    }
}
