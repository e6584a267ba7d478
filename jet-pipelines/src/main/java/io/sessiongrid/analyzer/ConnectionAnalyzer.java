package io.sessiongrid.analyzer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the analyzer stored: series, health scores and the cluster forecast. The same from members and
 * clients; obtain one from {@link Analyzers#analyzer}. Thread-safe.
 */
public interface ConnectionAnalyzer {

    /**
     * A connection's windows at {@code interval}, oldest first.
     *
     * @throws IllegalArgumentException when {@code interval} is not one of {@code analyzer.intervals} (the
     *                                  series methods all do)
     */
    List<SeriesPoint> connectionSeries(String sessionId, String connectionId, Duration interval);

    /** A session's windows (all its connections together), oldest first. */
    List<SeriesPoint> sessionSeries(String sessionId, Duration interval);

    /** The whole cluster's windows, oldest first. */
    List<SeriesPoint> clusterSeries(Duration interval);

    /** A connection's latest health score. */
    Optional<HealthScore> score(String sessionId, String connectionId);

    /** The latest scores of a session's connections, by connection id. */
    Map<String, HealthScore> sessionScores(String sessionId);

    /** The latest cluster forecast; empty while it warms up (see {@link #clusterForecastStatus()}). */
    Optional<ClusterForecast> clusterForecast();

    /** The latest cluster forecast, or how much history it still needs ("warming up: 2 of 4 points ..."). */
    ClusterForecastStatus clusterForecastStatus();

    /**
     * The latest seasonal cluster forecast ({@code analyzer.season}, on the longest interval): empty without a
     * season and until two seasons of that interval are in (see {@link #seasonalForecastStatus()}).
     */
    Optional<ClusterForecast> seasonalForecast();

    /** The seasonal forecast, or how much history it still needs ("warming up: 300 of 2880 points of 60 s ..."). */
    ClusterForecastStatus seasonalForecastStatus();
}
