package io.sessiongrid.analyzer.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.sessiongrid.analyzer.AnalyzerMaps;
import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.analyzer.ClusterForecastStatus;
import io.sessiongrid.analyzer.ConnectionAnalyzer;
import io.sessiongrid.analyzer.HealthScore;
import io.sessiongrid.analyzer.SeriesPoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link ConnectionAnalyzer} over the analyzer's IMaps. */
public final class HazelcastConnectionAnalyzer implements ConnectionAnalyzer {
    private final IMap<ConnectionKey, SeriesRings> connections;
    private final IMap<ConnectionKey, SeriesRings> sessions;
    private final IMap<Long, SeriesRing> cluster;
    private final IMap<ConnectionKey, HealthScore> scores;
    private final IMap<String, ClusterForecast> forecast;
    private final List<Duration> intervals;
    private final Duration scoreInterval;
    private final Duration seasonalInterval;
    private final int seasonalRequired; // 0: no season

    /**
     * @param intervals     the analyzer's configured intervals (series exist at these only)
     * @param scoreInterval the interval the cluster forecast is made on ({@code AnalyzerJobs.scoreInterval})
     * @param seasonal      the seasonal forecast's shape, or null for none
     */
    public HazelcastConnectionAnalyzer(HazelcastInstance hz, List<Duration> intervals, Duration scoreInterval,
                                       SeasonalSetup seasonal) {
        this.intervals = List.copyOf(intervals);
        this.scoreInterval = scoreInterval;
        this.seasonalInterval = seasonal == null ? scoreInterval : Duration.ofMillis(seasonal.intervalMillis());
        this.seasonalRequired = seasonal == null ? 0 : seasonal.required();
        connections = hz.getMap(AnalyzerMaps.CONNECTIONS);
        sessions = hz.getMap(AnalyzerMaps.SESSIONS);
        cluster = hz.getMap(AnalyzerMaps.CLUSTER);
        scores = hz.getMap(AnalyzerMaps.SCORES);
        forecast = hz.getMap(AnalyzerMaps.FORECAST);
    }

    @Override
    public List<SeriesPoint> connectionSeries(String sessionId, String connectionId, Duration interval) {
        return points(connections.get(new ConnectionKey(sessionId, connectionId)), configured(interval));
    }

    @Override
    public List<SeriesPoint> sessionSeries(String sessionId, Duration interval) {
        return points(sessions.get(ConnectionKey.session(sessionId)), configured(interval));
    }

    @Override
    public List<SeriesPoint> clusterSeries(Duration interval) {
        return points(cluster.get(configured(interval).toMillis()));
    }

    @Override
    public Optional<HealthScore> score(String sessionId, String connectionId) {
        return Optional.ofNullable(scores.get(new ConnectionKey(sessionId, connectionId)));
    }

    @Override
    public Map<String, HealthScore> sessionScores(String sessionId) {
        Map<String, HealthScore> out = new TreeMap<>();
        scores.values(Predicates.partitionPredicate(sessionId, Predicates.equal("sessionId", sessionId)))
                .forEach(s -> out.put(s.connectionId(), s));
        return out;
    }

    @Override
    public Optional<ClusterForecast> clusterForecast() {
        return Optional.ofNullable(forecast.get(AnalyzerMaps.CLUSTER_FORECAST_KEY));
    }

    @Override
    public ClusterForecastStatus clusterForecastStatus() {
        Optional<ClusterForecast> latest = clusterForecast();
        SeriesRing history = cluster.get(scoreInterval.toMillis());
        return new ClusterForecastStatus(scoreInterval, history == null ? 0 : history.size(), latest);
    }

    @Override
    public Optional<ClusterForecast> seasonalForecast() {
        return seasonalRequired == 0 ? Optional.empty()
                : Optional.ofNullable(forecast.get(AnalyzerMaps.SEASONAL_FORECAST_KEY));
    }

    @Override
    public ClusterForecastStatus seasonalForecastStatus() {
        if (seasonalRequired == 0) {
            return ClusterForecastStatus.none();
        }
        SeriesRing history = cluster.get(seasonalInterval.toMillis());
        return new ClusterForecastStatus(seasonalInterval, history == null ? 0 : history.size(), seasonalRequired,
                seasonalForecast());
    }

    /** An interval the analyzer has no series at would read as "no data yet": say so instead. */
    private Duration configured(Duration interval) {
        if (interval == null || !intervals.contains(interval)) {
            throw new IllegalArgumentException("interval " + interval + " is not one of the analyzer's intervals "
                    + intervals + " (analyzer.intervals)");
        }
        return interval;
    }

    private static List<SeriesPoint> points(SeriesRings rings, Duration interval) {
        return rings == null ? List.of() : rings.points(interval.toMillis());
    }

    private static List<SeriesPoint> points(SeriesRing ring) {
        return ring == null ? List.of() : ring.points();
    }
}
