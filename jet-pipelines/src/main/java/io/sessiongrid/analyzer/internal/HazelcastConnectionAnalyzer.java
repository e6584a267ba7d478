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
    private final Duration scoreInterval;

    /** @param scoreInterval the interval the cluster forecast is made on ({@code AnalyzerJobs.scoreInterval}) */
    public HazelcastConnectionAnalyzer(HazelcastInstance hz, Duration scoreInterval) {
        this.scoreInterval = scoreInterval;
        connections = hz.getMap(AnalyzerMaps.CONNECTIONS);
        sessions = hz.getMap(AnalyzerMaps.SESSIONS);
        cluster = hz.getMap(AnalyzerMaps.CLUSTER);
        scores = hz.getMap(AnalyzerMaps.SCORES);
        forecast = hz.getMap(AnalyzerMaps.FORECAST);
    }

    @Override
    public List<SeriesPoint> connectionSeries(String sessionId, String connectionId, Duration interval) {
        return points(connections.get(new ConnectionKey(sessionId, connectionId)), interval);
    }

    @Override
    public List<SeriesPoint> sessionSeries(String sessionId, Duration interval) {
        return points(sessions.get(ConnectionKey.session(sessionId)), interval);
    }

    @Override
    public List<SeriesPoint> clusterSeries(Duration interval) {
        return points(cluster.get(interval.toMillis()));
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

    private static List<SeriesPoint> points(SeriesRings rings, Duration interval) {
        return rings == null ? List.of() : rings.points(interval.toMillis());
    }

    private static List<SeriesPoint> points(SeriesRing ring) {
        return ring == null ? List.of() : ring.points();
    }
}
