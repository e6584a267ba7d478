package io.sessiongrid.simulate;

import io.sessiongrid.analyzer.internal.ClusterForecaster;
import io.sessiongrid.forecast.backtest.Trace;

/**
 * How the simulated cluster forecaster fits a trace.
 *
 * @param season     the season, in steps (1: none)
 * @param history    how many of the newest points it keeps and fits on
 * @param refitEvery refit after this many new points (in between, the fitted model is updated, as the analyzer does)
 * @param label      how the setup is shown (e.g. {@code daily}, {@code none})
 */
public record ForecastSetup(int season, int history, int refitEvery, String label) {

    /** At least this much history for a seasonal fit, and this many seasons when that is more. */
    private static final int MIN_HISTORY = 2000;
    private static final int HISTORY_SEASONS = 10;

    public ForecastSetup {
        if (season < 1 || history < 1 || refitEvery < 1) {
            throw new IllegalArgumentException("season, history and refitEvery must be >= 1, got " + season + ", "
                    + history + ", " + refitEvery);
        }
    }

    /**
     * The trace's daily season ({@link Trace#defaultSeason()}), refit once a season, over ten seasons of history:
     * what a forecaster that knows the daily cycle does (the figures of the targets).
     */
    public static ForecastSetup daily(Trace trace) {
        int season = trace.defaultSeason();
        return new ForecastSetup(season, Math.max(MIN_HISTORY, HISTORY_SEASONS * season), season, "daily");
    }

    /**
     * As the live analyzer's cluster forecast fits today: no season, over its last {@code historyPoints} points
     * ({@code analyzer.historyPoints}), refit every {@link ClusterForecaster#DEFAULT_REFIT_EVERY} points.
     */
    public static ForecastSetup live(int historyPoints) {
        return new ForecastSetup(1, historyPoints, ClusterForecaster.DEFAULT_REFIT_EVERY, "none");
    }
}
