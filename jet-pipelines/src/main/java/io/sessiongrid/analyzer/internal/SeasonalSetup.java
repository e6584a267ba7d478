package io.sessiongrid.analyzer.internal;

import io.sessiongrid.config.AnalyzerConfig;

import java.io.Serializable;
import java.time.Duration;

/**
 * The seasonal cluster forecast's shape: made on the longest interval's cluster windows, with a season of
 * {@code season} windows, over {@code history} windows ({@link AnalyzerConfig#SEASONS_KEPT} seasons), forecasting
 * {@code horizon} windows, and only once two seasons are in (before that a seasonal model has nothing to learn the
 * season from, and the short-term forecast already covers the trend).
 */
public record SeasonalSetup(long intervalMillis, int season, int horizon, int history) implements Serializable {

    public SeasonalSetup {
        if (intervalMillis < 1 || season < 2 || horizon < 1 || history < 2 * season) {
            throw new IllegalArgumentException("seasonal forecast: interval " + intervalMillis + " ms, season "
                    + season + ", horizon " + horizon + ", history " + history + " (needs interval >= 1 ms, season "
                    + ">= 2, horizon >= 1, history >= two seasons)");
        }
    }

    /**
     * How far past the scaling horizon the seasonal forecast reaches: the predictive policy's scale-in lookahead
     * ({@code PredictiveSettings.DEFAULT_SCALE_IN_LOOKAHEAD}, which a test keeps equal), so that a scale-in sees the
     * daily rise coming within the time it takes to undo it.
     */
    public static final Duration LOOKAHEAD = Duration.ofMinutes(5);

    /**
     * The setup for {@code analyzer} and the scaling horizon, or null when it has no season. It forecasts the
     * windows up to {@code horizon + LOOKAHEAD}, and one more: window 0 is the one in progress.
     */
    public static SeasonalSetup of(AnalyzerConfig analyzer, int historyPoints, Duration horizon) {
        int season = analyzer.seasonSteps();
        if (season < 2) {
            return null;
        }
        long interval = analyzer.longestInterval().toMillis();
        long reach = horizon.plus(LOOKAHEAD).toMillis();
        int steps = (int) Math.max(1, (reach + interval - 1) / interval) + 1;
        return new SeasonalSetup(interval, season, steps,
                Math.max(historyPoints, AnalyzerConfig.SEASONS_KEPT * season));
    }

    /** Windows needed before the first seasonal forecast. */
    public int required() {
        return 2 * season;
    }
}
