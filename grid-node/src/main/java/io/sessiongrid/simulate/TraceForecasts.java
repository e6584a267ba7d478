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

    private final ClusterForecast[] byStep;
    private final String model;

    private TraceForecasts(ClusterForecast[] byStep, String model) {
        this.byStep = byStep;
        this.model = model;
    }

    /** Forecasts {@code trace} step by step with its daily season ({@link ForecastSetup#daily}). */
    public static TraceForecasts compute(Trace trace, Forecaster forecaster, Duration horizon, IntConsumer progress) {
        return compute(trace, forecaster, ForecastSetup.daily(trace), horizon, progress);
    }

    /**
     * Forecasts {@code trace} step by step. Refits run inline, each one taken by the next step as the analyzer
     * takes a finished background refit: the live analyzer's refits finish well within its interval, and inline
     * they make a simulation repeatable (on the background thread, which step picked a refit up depended on
     * the machine's load, and results varied by a few percent from run to run).
     *
     * @param setup    season, history and refit period
     * @param horizon  how far each forecast must reach (it covers at least one step)
     * @param progress called with the number of steps done, now and then
     */
    public static TraceForecasts compute(Trace trace, Forecaster forecaster, ForecastSetup setup, Duration horizon,
                                         IntConsumer progress) {
        double[] y = trace.values();
        long stepMillis = Math.round(trace.stepSeconds() * 1000);
        int steps = (int) Math.max(1, Math.ceil(horizon.toMillis() / (double) stepMillis)) + 1;
        ClusterForecaster f = new ClusterForecaster(forecaster, stepMillis,
                Math.max(Forecaster.MIN_HISTORY, setup.history()), steps, setup.season(), setup.refitEvery(),
                Runnable::run);
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
