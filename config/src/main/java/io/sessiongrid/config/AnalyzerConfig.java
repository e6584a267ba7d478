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
 */
public record AnalyzerConfig(List<Duration> intervals, int historyPoints, List<Integer> connectionHistory) {
    public AnalyzerConfig {
        intervals = List.copyOf(intervals);
        connectionHistory = connectionHistory == null ? List.of() : List.copyOf(connectionHistory);
    }

    /** Every series keeps {@code historyPoints} points at every interval. */
    public AnalyzerConfig(List<Duration> intervals, int historyPoints) {
        this(intervals, historyPoints, List.of());
    }

    /** Points kept per connection and per session series at {@code intervals().get(i)}. */
    public int connectionHistory(int i) {
        return connectionHistory.isEmpty() ? historyPoints : connectionHistory.get(i);
    }
}
