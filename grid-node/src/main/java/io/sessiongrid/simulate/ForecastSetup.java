package io.sessiongrid.simulate;

import io.sessiongrid.analyzer.internal.ClusterForecaster;
import io.sessiongrid.config.AnalyzerConfig;
import io.sessiongrid.forecast.Forecaster;
import io.sessiongrid.forecast.backtest.Trace;

/**
 * How one simulated cluster forecaster fits a trace.
 *
 * @param season     the season, in steps (1: none)
 * @param history    how many of the newest points it keeps and fits on
 * @param refitEvery refit after this many new points (in between, the fitted model is updated, as the analyzer does)
 * @param minHistory points it needs before its first forecast
 * @param label      how the setup is shown (e.g. {@code daily}, {@code none})
 */
public record ForecastSetup(int season, int history, int refitEvery, int minHistory, String label) {

    /** At least this much history for a seasonal fit, and this many seasons when that is more. */
    private static final int MIN_HISTORY = 2000;

    public ForecastSetup {
        if (season < 1 || history < 1 || refitEvery < 1 || minHistory < Forecaster.MIN_HISTORY) {
            throw new IllegalArgumentException("season, history and refitEvery must be >= 1 and minHistory >= "
                    + Forecaster.MIN_HISTORY + ", got " + season + ", " + history + ", " + refitEvery + ", "
                    + minHistory);
        }
    }

    /**
     * The trace's daily season ({@link Trace#defaultSeason()}), refit once a season, over ten seasons of history,
     * forecasting from the fourth point on: one seasonal forecaster alone.
     */
    public static ForecastSetup daily(Trace trace) {
        int season = trace.defaultSeason();
        return new ForecastSetup(season, Math.max(MIN_HISTORY, AnalyzerConfig.SEASONS_KEPT * season), season,
                Forecaster.MIN_HISTORY, "daily");
    }

    /**
     * As the live analyzer's short-term cluster forecast fits: no season, over its last {@code historyPoints}
     * points ({@code analyzer.historyPoints}), refit every {@link ClusterForecaster#DEFAULT_REFIT_EVERY} points.
     */
    public static ForecastSetup live(int historyPoints) {
        return new ForecastSetup(1, historyPoints, ClusterForecaster.DEFAULT_REFIT_EVERY, Forecaster.MIN_HISTORY,
                "none");
    }

    /**
     * As the live analyzer's seasonal forecast fits ({@code SeasonalSetup}): the trace's daily season over
     * {@code max(historyPoints, 10 seasons)}, refit once a season, forecasting once two seasons are in.
     */
    public static ForecastSetup seasonal(Trace trace, int historyPoints) {
        int season = trace.defaultSeason();
        return new ForecastSetup(season, Math.max(historyPoints, AnalyzerConfig.SEASONS_KEPT * season), season,
                2 * season, "seasonal");
    }
}
