package io.sessiongrid.config;

import java.time.Duration;
import java.util.List;

/**
 * The connection pattern analyzer.
 *
 * @param intervals     aggregation window sizes, ascending (default 1 s, 5 s, 1 min)
 * @param historyPoints points kept per series and interval
 */
public record AnalyzerConfig(List<Duration> intervals, int historyPoints) {
    public AnalyzerConfig {
        intervals = List.copyOf(intervals);
    }
}
