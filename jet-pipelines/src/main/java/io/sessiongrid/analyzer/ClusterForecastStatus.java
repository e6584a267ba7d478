package io.sessiongrid.analyzer;

import io.sessiongrid.forecast.Forecaster;

import java.time.Duration;
import java.util.Optional;

/**
 * The cluster forecast, or why there is none yet. The analyzer's job forecasts the cluster's request rate per
 * scoring interval ({@code analyzer.intervals[1]}, 5 s by default) once its history holds {@code required}
 * ({@value Forecaster#MIN_HISTORY}) closed windows of that interval: with the defaults, the first forecast appears
 * about 20 s after traffic begins, plus the job's watermark lag (two flush intervals). Until then it is
 * "warming up".
 *
 * @param interval the scoring interval the forecast is made on
 * @param points   closed windows of that interval in the cluster's history
 * @param required windows the first forecast needs
 * @param forecast the latest forecast, once there is one
 */
public record ClusterForecastStatus(Duration interval, int points, int required, Optional<ClusterForecast> forecast) {
    public ClusterForecastStatus(Duration interval, int points, Optional<ClusterForecast> forecast) {
        this(interval, points, Forecaster.MIN_HISTORY, forecast);
    }

    /** No forecast is configured (no {@code analyzer.season}): never ready. */
    public static ClusterForecastStatus none() {
        return new ClusterForecastStatus(Duration.ZERO, 0, 0, Optional.empty());
    }

    /** A forecast exists. */
    public boolean ready() {
        return forecast.isPresent();
    }

    /** E.g. {@code "warming up: 2 of 4 points of 5 s windows"} or {@code "ready: holt-winters on 60 points ..."}. */
    @Override
    public String toString() {
        if (required == 0) {
            return "none: no season configured (analyzer.season)";
        }
        String windows = " of " + interval.toMillis() / 1000.0 + " s windows";
        if (forecast.isPresent()) {
            return "ready: " + forecast.get().model() + " on " + forecast.get().historyPoints() + " points" + windows;
        }
        if (points < required) {
            return "warming up: " + points + " of " + required + " points" + windows;
        }
        return "waiting for the analyzer job: " + points + " points" + windows + " but no forecast written yet";
    }
}
