package io.sessiongrid.config;

import java.time.Duration;
import java.util.List;

/**
 * The connection pattern analyzer.
 *
 * @param intervals         aggregation window sizes, ascending (default 1 s, 5 s, 1 min)
 * @param historyPoints     points kept per cluster series and interval
 * @param connectionHistory points kept per connection and per session series at each interval, in the order of
 *                          {@code intervals} (these series exist once per connection, so their length decides
 *                          the heap); empty means {@code historyPoints} at every interval
 * @param season            the cluster load's season (default one day), forecast on the longest interval beside
 *                          the short-term forecast; {@link Duration#ZERO} for none
 */
public record AnalyzerConfig(List<Duration> intervals, int historyPoints, List<Integer> connectionHistory,
                             Duration season) {
    /** The seasonal forecast keeps this many seasons of the longest interval (the simulator fits on as many). */
    public static final int SEASONS_KEPT = 10;
    /** The most windows of the longest interval one season may span (so {@link #SEASONS_KEPT} fit one series). */
    public static final int MAX_SEASON_STEPS = 10_000;

    public AnalyzerConfig {
        intervals = List.copyOf(intervals);
        connectionHistory = connectionHistory == null ? List.of() : List.copyOf(connectionHistory);
        season = season == null ? Duration.ZERO : season;
    }

    /** No seasonal forecast. */
    public AnalyzerConfig(List<Duration> intervals, int historyPoints, List<Integer> connectionHistory) {
        this(intervals, historyPoints, connectionHistory, Duration.ZERO);
    }

    /** Every series keeps {@code historyPoints} points at every interval; no seasonal forecast. */
    public AnalyzerConfig(List<Duration> intervals, int historyPoints) {
        this(intervals, historyPoints, List.of());
    }

    /** Points kept per connection and per session series at {@code intervals().get(i)}. */
    public int connectionHistory(int i) {
        return connectionHistory.isEmpty() ? historyPoints : connectionHistory.get(i);
    }

    /** The longest interval: the one the seasonal forecast is made on. */
    public Duration longestInterval() {
        return intervals.get(intervals.size() - 1);
    }

    /** The season in windows of the longest interval (whole ones: see {@link #seasonIsWhole()}); 0 without one. */
    public int seasonSteps() {
        long longest = longestInterval().toMillis();
        return season.isZero() || longest <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, season.toMillis() / longest);
    }

    /** Whether the season is a whole number of windows of the longest interval (a season of none is). */
    public boolean seasonIsWhole() {
        long longest = longestInterval().toMillis();
        return season.isZero() || (longest > 0 && season.toMillis() % longest == 0);
    }
}
