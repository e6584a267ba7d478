package io.sessiongrid.analyzer;

import com.hazelcast.config.Config;
import com.hazelcast.config.EventJournalConfig;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.MapConfig;
import io.sessiongrid.analyzer.internal.ConnectionKey;
import io.sessiongrid.analyzer.internal.SeriesRing;
import io.sessiongrid.analyzer.internal.SeriesRings;
import io.sessiongrid.config.AnalyzerConfig;
import io.sessiongrid.config.compact.SqlMappings;

import java.time.Duration;
import java.util.List;

/**
 * The analyzer's maps, and the member configuration they need. All values are Compact (browsable in Management
 * Center and with Hazelcast SQL); every per-connection and per-session key is routed by its session id, like
 * the session's own state.
 *
 * <table>
 *   <caption>Maps</caption>
 *   <tr><th>map</th><th>key</th><th>value</th></tr>
 *   <tr><td>{@value #INGEST}</td><td>one String per partition</td><td>the trackers' latest sample batch (samples
 *       grouped by their session's partition); its event journal is the Jet job's source</td></tr>
 *   <tr><td>{@value #CONNECTIONS}</td><td>{@code ConnectionKey(sessionId, connectionId)}</td>
 *       <td>{@code SeriesRings}: per interval, the newest {@code connectionHistory[i]} windows, packed
 *       (about 10 bytes per window); updated once per scoring interval</td></tr>
 *   <tr><td>{@value #SESSIONS}</td><td>{@code ConnectionKey(sessionId, "")}</td>
 *       <td>{@code SeriesRings}: as for connections</td></tr>
 *   <tr><td>{@value #CLUSTER}</td><td>{@code Long} intervalMillis</td><td>{@code SeriesRing}: the newest
 *       {@code historyPoints} windows (at the longest interval, with a season: ten seasons)</td></tr>
 *   <tr><td>{@value #SCORES}</td><td>{@code ConnectionKey(sessionId, connectionId)}</td><td>{@link HealthScore}</td></tr>
 *   <tr><td>{@value #FORECAST}</td><td>{@value #CLUSTER_FORECAST_KEY} (short-term), {@value #SEASONAL_FORECAST_KEY}
 *       (seasonal)</td><td>{@link ClusterForecast}</td></tr>
 * </table>
 * Per-connection and per-session entries (series and scores) are removed {@code max(10 min, 10 x the largest
 * interval)} after their newest window by the job itself (a sweep once a minute, see {@link #retentionMillis}),
 * so closed connections and ended sessions go away by themselves. Not with a map TTL: the expiry check on every
 * update of 200,000+ entries per scoring interval cost about a tenth of the partition threads' time.
 */
public final class AnalyzerMaps {
    public static final String INGEST = "sessiongrid.analyzer.ingest";
    public static final String CONNECTIONS = "sessiongrid.analyzer.connections";
    public static final String SESSIONS = "sessiongrid.analyzer.sessions";
    public static final String CLUSTER = "sessiongrid.analyzer.cluster";
    public static final String SCORES = "sessiongrid.analyzer.scores";
    public static final String FORECAST = "sessiongrid.analyzer.forecast";
    public static final String CLUSTER_FORECAST_KEY = "cluster";
    public static final String SEASONAL_FORECAST_KEY = "cluster-seasonal";
    /** Journal entries kept per partition of the ingest map (each is one tracker's batch for one interval). */
    public static final int JOURNAL_BATCHES_PER_PARTITION = 16;
    private static final long MIN_RETENTION_SECONDS = 600;

    private AnalyzerMaps() {
    }

    /**
     * Adds to a member configuration the analyzer's map configurations, its serializers and Jet. When the
     * configuration already restricts Java deserialization, the analyzer's package is allowed too (its Jet job's
     * lambdas are Java-serialized); call this after any code that installs such a filter.
     */
    public static Config configure(Config member, AnalyzerConfig analyzer) {
        AnalyzerSerialization.register(member.getSerializationConfig());
        member.getJetConfig().setEnabled(true);
        String partitionCount = member.getProperty("hazelcast.partition.count");
        int partitions = partitionCount == null ? 271 : Integer.parseInt(partitionCount.trim());
        member.addMapConfig(new MapConfig(INGEST).setEventJournalConfig(new EventJournalConfig().setEnabled(true)
                .setCapacity(partitions * JOURNAL_BATCHES_PER_PARTITION)));
        member.addMapConfig(new MapConfig(CONNECTIONS).setInMemoryFormat(InMemoryFormat.OBJECT));
        member.addMapConfig(new MapConfig(SESSIONS).setInMemoryFormat(InMemoryFormat.OBJECT));
        member.addMapConfig(new MapConfig(CLUSTER).setInMemoryFormat(InMemoryFormat.OBJECT));
        member.addMapConfig(new MapConfig(SCORES));
        member.addMapConfig(new MapConfig(FORECAST));
        JavaSerializationFilterConfig filter = member.getSerializationConfig().getJavaSerializationFilterConfig();
        if (filter != null) {
            filter.getWhitelist().addPrefixes("io.sessiongrid.analyzer.");
        }
        return member;
    }

    /**
     * How long a connection's or session's series and score stay after their newest window:
     * {@code max(10 min, 10 x the largest interval)}.
     */
    static long retentionMillis(AnalyzerConfig analyzer) {
        long largest = analyzer.intervals().stream().mapToLong(Duration::toMillis).max().orElse(60_000);
        return Math.max(MIN_RETENTION_SECONDS * 1000, 10 * largest);
    }

    /** Points kept per connection and per session series, per interval ({@code analyzer.connectionHistory}). */
    static SeriesRings.History connectionHistory(AnalyzerConfig analyzer) {
        long[] intervals = new long[analyzer.intervals().size()];
        int[] points = new int[intervals.length];
        for (int i = 0; i < intervals.length; i++) {
            intervals[i] = analyzer.intervals().get(i).toMillis();
            points[i] = analyzer.connectionHistory(i);
        }
        return new SeriesRings.History(intervals, points);
    }

    /**
     * SQL mappings of the analyzer's results, for Hazelcast SQL and Management Center: {@value #SCORES} (every
     * {@link HealthScore} field), {@value #FORECAST} ({@link ClusterForecast}'s scalar fields; its {@code mean},
     * {@code lower} and {@code upper} arrays have no SQL type) and {@value #CLUSTER} (the cluster series' scalar
     * fields per interval; its windows are arrays, read them with {@code ConnectionAnalyzer#clusterSeries}). Run
     * each with {@code getSql().execute(...)} on a data member.
     */
    public static List<String> sqlMappings() {
        return List.of(
                SqlMappings.compactValues(SCORES, SqlMappings.compactKey(ConnectionKey.TYPE_NAME),
                        HealthScore.TYPE_NAME,
                        "\"sessionId\" VARCHAR, \"connectionId\" VARCHAR, \"windowEnd\" BIGINT, \"score\" INT, "
                                + "\"predictedRate\" DOUBLE, \"usage\" DOUBLE, \"churn\" DOUBLE, \"decline\" DOUBLE, "
                                + "\"errorRate\" DOUBLE, \"closed\" BOOLEAN, \"reason\" VARCHAR"),
                SqlMappings.compactValues(FORECAST, SqlMappings.keyFormat("varchar"), ClusterForecast.TYPE_NAME,
                        "\"__key\" VARCHAR, \"lastWindowEnd\" BIGINT, \"intervalMillis\" BIGINT, "
                                + "\"model\" VARCHAR, \"historyPoints\" INT, \"lastActual\" DOUBLE, "
                                + "\"confidence\" DOUBLE, "
                                + "\"lastErrorPct\" DOUBLE, \"computeMicros\" BIGINT"),
                SqlMappings.compactValues(CLUSTER, SqlMappings.keyFormat("bigint"), SeriesRing.TYPE_NAME,
                        "\"__key\" BIGINT, \"intervalMillis\" BIGINT, \"capacity\" INT, \"newestStart\" BIGINT, "
                                + "\"newestRequests\" BIGINT"));
    }
}
