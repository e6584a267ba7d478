package io.sessiongrid.simulate;

import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.analyzer.internal.ClusterForecaster;
import io.sessiongrid.forecast.Forecaster;
import io.sessiongrid.forecast.backtest.Trace;

import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * The cluster forecasts a live engine would have seen over a trace: the analyzer's own {@link ClusterForecaster}
 * fed one trace value per step, so the forecast made as step {@code k} begins has seen steps {@code 0..k} only
 * and forecasts the windows from step {@code k + 1} on. Computed once per trace and shared by the policies
 * compared (it does not depend on their decisions).
 */
public final class TraceForecasts {

    /** Refit once per season (a day), and {@code update} the fitted model in between, as the analyzer does. */
    private static final int MIN_CAPACITY = 2000;
    private static final int CAPACITY_SEASONS = 10;

    private final ClusterForecast[] byStep;
    private final String model;

    private TraceForecasts(ClusterForecast[] byStep, String model) {
        this.byStep = byStep;
        this.model = model;
    }

    /**
     * Forecasts {@code trace} step by step.
     *
     * @param horizon  how far each forecast must reach (it covers at least one step)
     * @param progress called with the number of steps done, now and then
     */
    public static TraceForecasts compute(Trace trace, Forecaster forecaster, Duration horizon, IntConsumer progress) {
        double[] y = trace.values();
        long stepMillis = Math.round(trace.stepSeconds() * 1000);
        int steps = (int) Math.max(1, Math.ceil(horizon.toMillis() / (double) stepMillis)) + 1;
        int season = trace.defaultSeason();
        int capacity = Math.max(MIN_CAPACITY, CAPACITY_SEASONS * season);
        ClusterForecaster f = new ClusterForecaster(forecaster, stepMillis, capacity, steps, season, season);
        ClusterForecast[] out = new ClusterForecast[y.length];
        String last = "none";
        for (int k = 0; k < y.length; k++) {
            out[k] = f.accept((k + 1) * stepMillis, y[k]);
            if (out[k] != null) {
                last = out[k].model();
            }
            if (k % 500 == 0) {
                progress.accept(k);
            }
        }
        return new TraceForecasts(out, last);
    }

    /** The forecast made as step {@code k} began; null while the forecaster warms up. */
    public ClusterForecast at(int k) {
        return byStep[k];
    }

    /** The last fitted model, described. */
    public String model() {
        return model;
    }
}
