package io.sessiongrid.simulate;

import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.analyzer.internal.ClusterForecaster;
import io.sessiongrid.forecast.Forecaster;
import io.sessiongrid.forecast.backtest.Trace;
import io.sessiongrid.scaling.ForecastPoint;
import io.sessiongrid.scaling.engine.ForecastPoints;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The cluster forecasts a live engine would have seen over a trace: the analyzer's own {@link ClusterForecaster}s
 * (one per {@link ForecastSetup}: the live analyzer runs a short-term and a seasonal one) fed one trace value per
 * step, so a forecast made as step {@code k} begins has seen steps {@code 0..k} only and forecasts the windows from
 * step {@code k + 1} on. Computed once per trace and shared by the policies compared (it does not depend on their
 * decisions).
 */
public final class TraceForecasts {

    private final ClusterForecast[][] bySetup; // [setup][step]
    private final String model;

    private TraceForecasts(ClusterForecast[][] bySetup, String model) {
        this.bySetup = bySetup;
        this.model = model;
    }

    /** Forecasts {@code trace} step by step with its daily season ({@link ForecastSetup#daily}). */
    public static TraceForecasts compute(Trace trace, Forecaster forecaster, Duration horizon, IntConsumer progress) {
        return compute(trace, forecaster, List.of(ForecastSetup.daily(trace)), horizon, progress);
    }

    /** Forecasts {@code trace} step by step with one forecaster. */
    public static TraceForecasts compute(Trace trace, Forecaster forecaster, ForecastSetup setup, Duration horizon,
                                         IntConsumer progress) {
        return compute(trace, forecaster, List.of(setup), horizon, progress);
    }

    /**
     * Forecasts {@code trace} step by step, with one forecaster per setup (the first is the primary one: its
     * one-step error is what the policy widens by, its band what charts draw). Refits run inline, each one taken
     * by the next step as the analyzer takes a finished background refit: the live analyzer's refits finish well
     * within its interval, and inline they make a simulation repeatable (on the background thread, which step picked
     * a refit up depended on the machine's load, and results varied by a few percent from run to run).
     *
     * @param setups   season, history, refit period and warm-up of each forecaster
     * @param horizon  how far each forecast must reach (it covers at least one step)
     * @param progress called with the number of steps done, now and then
     */
    public static TraceForecasts compute(Trace trace, Forecaster forecaster, List<ForecastSetup> setups,
                                         Duration horizon, IntConsumer progress) {
        if (setups.isEmpty()) {
            throw new IllegalArgumentException("at least one forecast setup is needed");
        }
        double[] y = trace.values();
        long stepMillis = Math.round(trace.stepSeconds() * 1000);
        int steps = (int) Math.max(1, Math.ceil(horizon.toMillis() / (double) stepMillis)) + 1;
        List<ClusterForecaster> forecasters = new ArrayList<>();
        for (ForecastSetup s : setups) {
            forecasters.add(new ClusterForecaster(forecaster, stepMillis,
                    Math.max(s.minHistory(), s.history()), steps, s.season(), s.refitEvery(), s.minHistory(), true,
                    Runnable::run));
        }
        ClusterForecast[][] out = new ClusterForecast[setups.size()][y.length];
        String[] last = new String[setups.size()];
        for (int k = 0; k < y.length; k++) {
            for (int i = 0; i < forecasters.size(); i++) {
                out[i][k] = forecasters.get(i).accept((k + 1) * stepMillis, y[k]);
                if (out[i][k] != null) {
                    last[i] = setups.get(i).label() + ": " + out[i][k].model();
                }
            }
            if (k % 500 == 0) {
                progress.accept(k);
            }
        }
        Set<String> models = new LinkedHashSet<>();
        for (String m : last) {
            if (m != null) {
                models.add(m);
            }
        }
        return new TraceForecasts(out, models.isEmpty() ? "none" : String.join("; ", models));
    }

    /** The primary forecast made as step {@code k} began; null while it warms up. */
    public ClusterForecast at(int k) {
        return bySetup[0][k];
    }

    /** The points of every forecast made as step {@code k} began (the policy takes the peak over them). */
    public List<ForecastPoint> points(int k) {
        List<ForecastPoint> points = new ArrayList<>();
        for (ClusterForecast[] forecasts : bySetup) {
            if (forecasts[k] != null) {
                points.addAll(ForecastPoints.of(forecasts[k]));
            }
        }
        return points;
    }

    /** The last fitted models, described. */
    public String model() {
        return model;
    }
}
