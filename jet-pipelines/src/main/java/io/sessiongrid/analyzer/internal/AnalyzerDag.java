package io.sessiongrid.analyzer.internal;

import com.hazelcast.jet.core.DAG;
import com.hazelcast.jet.core.EventTimePolicy;
import com.hazelcast.jet.core.Vertex;
import com.hazelcast.jet.core.WatermarkPolicy;
import com.hazelcast.jet.core.processor.SinkProcessors;
import com.hazelcast.jet.core.processor.SourceProcessors;
import com.hazelcast.jet.pipeline.JournalInitialPosition;
import io.sessiongrid.analyzer.AnalyzerMaps;
import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.analyzer.HealthScore;
import io.sessiongrid.analyzer.SeriesPoint;

import java.util.Map;

import static com.hazelcast.jet.core.Edge.between;
import static com.hazelcast.jet.core.Edge.from;

/**
 * Builds the analyzer job's DAG:
 * <pre>
 *   ingest journal ──(partitioned by ingest key)──▶ aggregate ─┬─0─▶ connection-series (update CONNECTIONS)
 *     event time: batch start,                                  ├─1─▶ session-series    (update SESSIONS)
 *     lag: one flush interval                                   ├─2─▶ scores            (write SCORES)
 *                                                               └─3─(all to one)─▶ cluster ─┬─0─▶ cluster-series (update CLUSTER)
 *                                                                                            └─1─▶ cluster-forecast (write FORECAST:
 *                                                                                                  short-term and seasonal)
 * </pre>
 * The Core API rather than the Pipeline API: the aggregation works on whole batches and closes each connection's
 * windows on its own last sample ({@link SeriesAggregatorP}), which Jet's window stages cannot do; a per-sample
 * pipeline of window stages handled about a third of the load one member must carry (100,000 connections
 * reporting every second) on two cores.
 */
public final class AnalyzerDag {
    /** Journal partitions that send nothing this long stop holding the watermark back. */
    static final long IDLE_PARTITION_MILLIS = 60_000;

    private AnalyzerDag() {
    }

    /**
     * @param intervals         window lengths in millis, ascending, each a multiple of the first (the trackers'
     *                          flush interval)
     * @param scoreInterval     the interval whose connection windows feed the health score and whose cluster
     *                          windows feed the forecast; one of {@code intervals}
     * @param horizonSteps      the scaling horizon in score intervals
     * @param historyPoints     points kept per cluster series (and the forecast's history)
     * @param connectionHistory points kept per connection and per session series, per interval
     * @param retentionMillis   how long a connection's or session's series and score stay after their newest window
     * @param seasonal          the seasonal forecast's shape (its interval's cluster series keeps its longer
     *                          history), or null for none
     */
    public static DAG build(long[] intervals, long scoreInterval, int horizonSteps, int historyPoints,
                            SeriesRings.History connectionHistory, long retentionMillis, SeasonalSetup seasonal) {
        long flush = intervals[0];
        int scoreIndex = indexOf(intervals, scoreInterval);
        long[] windows = intervals.clone();
        DAG dag = new DAG();
        EventTimePolicy<Map.Entry<String, SampleBatch>> eventTime = EventTimePolicy.eventTimePolicy(
                e -> e.getValue().intervalStart(), (e, ts) -> e, WatermarkPolicy.limitingLag(flush),
                flush, 0, IDLE_PARTITION_MILLIS);
        // Emits the entries of put events (every tracker write is a put of one partition's batch).
        Vertex ingest = dag.newVertex("ingest", SourceProcessors.<String, SampleBatch>streamMapP(AnalyzerMaps.INGEST,
                JournalInitialPosition.START_FROM_OLDEST, eventTime));
        Vertex aggregate = dag.newVertex("aggregate", () -> new SeriesAggregatorP(windows, scoreIndex, horizonSteps));
        Vertex cluster = dag.newVertex("cluster",
                () -> new ClusterSeriesP(flush, scoreInterval, historyPoints, horizonSteps, retentionMillis, seasonal))
                .localParallelism(1);
        Vertex connectionSeries = dag.newVertex("connection-series", SinkProcessors.updateMapP(
                AnalyzerMaps.CONNECTIONS, SeriesUpdate::key,
                (SeriesRings rings, SeriesUpdate u) -> u.applyTo(rings, connectionHistory)));
        Vertex sessionSeries = dag.newVertex("session-series", SinkProcessors.updateMapP(
                AnalyzerMaps.SESSIONS, SeriesUpdate::key,
                (SeriesRings rings, SeriesUpdate u) -> u.applyTo(rings, connectionHistory)));
        Vertex scores = dag.newVertex("scores", SinkProcessors.writeMapP(AnalyzerMaps.SCORES,
                (HealthScore s) -> new ConnectionKey(s.sessionId(), s.connectionId()), s -> s));
        long seasonalInterval = seasonal == null ? -1 : seasonal.intervalMillis();
        int seasonalHistory = seasonal == null ? historyPoints : seasonal.history();
        Vertex clusterSeries = dag.newVertex("cluster-series", SinkProcessors.updateMapP(AnalyzerMaps.CLUSTER,
                SeriesPoint::intervalMillis, (SeriesRing ring, SeriesPoint p) -> append(ring, p,
                        p.intervalMillis() == seasonalInterval ? seasonalHistory : historyPoints)));
        Vertex forecast = dag.newVertex("cluster-forecast", SinkProcessors.writeMapP(AnalyzerMaps.FORECAST,
                Map.Entry<String, ClusterForecast>::getKey, Map.Entry<String, ClusterForecast>::getValue));

        dag.edge(between(ingest, aggregate).partitioned(Map.Entry<String, SampleBatch>::getKey).distributed())
                .edge(from(aggregate, SeriesAggregatorP.TO_CONNECTIONS).to(connectionSeries))
                .edge(from(aggregate, SeriesAggregatorP.TO_SESSIONS).to(sessionSeries))
                .edge(from(aggregate, SeriesAggregatorP.TO_SCORES).to(scores))
                .edge(from(aggregate, SeriesAggregatorP.TO_CLUSTER).to(cluster)
                        .distributed().allToOne(ClusterSeriesP.ROUTING_KEY))
                .edge(from(cluster, 0).to(clusterSeries))
                .edge(from(cluster, 1).to(forecast));
        return dag;
    }

    /**
     * The cluster store's update: append (or replace the newest window) in place; O(1). A ring stored with a smaller
     * capacity (written before a season was configured) is copied into one of the new capacity once.
     */
    static SeriesRing append(SeriesRing ring, SeriesPoint point, int capacity) {
        SeriesRing r = ring;
        if (r == null || r.capacity() < capacity) {
            r = new SeriesRing(point.intervalMillis(), capacity);
            if (ring != null) {
                ring.points().forEach(r::append);
            }
        }
        r.append(point);
        return r;
    }

    private static int indexOf(long[] intervals, long interval) {
        for (int i = 0; i < intervals.length; i++) {
            if (intervals[i] == interval) {
                return i;
            }
        }
        throw new IllegalArgumentException("score interval " + interval + " ms is not one of the intervals");
    }
}
