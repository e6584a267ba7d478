package io.sessiongrid.analyzer.internal;

import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.forecast.FittedModel;
import io.sessiongrid.forecast.Forecast;
import io.sessiongrid.forecast.Forecaster;

/**
 * The cluster request-rate forecast, one point at a time: keeps the newest {@code capacity} points, fits the
 * {@link Forecaster} now and then (after {@code min(refitEvery, n / 2)} new points, so often while the history
 * is short), and in between applies the fitted model to the grown history with {@link FittedModel#update}, which
 * costs one linear pass. Produces nothing until {@link Forecaster#MIN_HISTORY} points are in.
 *
 * <p>Not thread-safe: confined to one Jet processor (or one benchmark thread).
 */
public final class ClusterForecaster {
    /** Refit at least this often once the history is long. */
    public static final int DEFAULT_REFIT_EVERY = 60;

    private final Forecaster forecaster;
    private final long intervalMillis;
    private final int horizon;
    private final int season;
    private final int refitEvery;
    private final double[] ring;
    private int size;
    private int head;
    private FittedModel model;
    private int sinceFit;
    private double lastOneStep = Double.NaN;

    public ClusterForecaster(Forecaster forecaster, long intervalMillis, int capacity, int horizon, int season,
                             int refitEvery) {
        if (capacity < Forecaster.MIN_HISTORY || horizon < 1 || season < 1 || refitEvery < 1) {
            throw new IllegalArgumentException("ClusterForecaster needs capacity >= " + Forecaster.MIN_HISTORY
                    + ", horizon, season and refitEvery >= 1; got " + capacity + ", " + horizon + ", " + season
                    + ", " + refitEvery);
        }
        this.forecaster = forecaster;
        this.intervalMillis = intervalMillis;
        this.horizon = horizon;
        this.season = season;
        this.refitEvery = refitEvery;
        this.ring = new double[capacity];
    }

    /** Adds history without forecasting (e.g. read back from the store after a restart). */
    public void seed(double[] history) {
        for (double v : history) {
            push(v);
        }
        model = null;
    }

    /**
     * Adds the rate observed in the window ending at {@code windowEnd} and forecasts the next {@code horizon}
     * windows.
     *
     * @return the forecast, or null while the history is shorter than {@link Forecaster#MIN_HISTORY}
     */
    public ClusterForecast accept(long windowEnd, double rate) {
        long t0 = System.nanoTime();
        double errorPct = Double.isNaN(lastOneStep) ? -1
                : 100 * Math.abs(rate - lastOneStep) / Math.max(1, Math.abs(rate));
        push(Double.isFinite(rate) ? rate : 0);
        if (size < Forecaster.MIN_HISTORY) {
            return null;
        }
        double[] history = history();
        sinceFit++;
        if (model == null || sinceFit >= Math.min(refitEvery, Math.max(1, size / 2))) {
            model = forecaster.fit(history, season, horizon);
            sinceFit = 0;
        } else {
            model = model.update(history);
        }
        Forecast f = model.forecast(horizon);
        lastOneStep = f.mean(0);
        long micros = (System.nanoTime() - t0) / 1000;
        return new ClusterForecast(windowEnd, intervalMillis, model.describe(), size, rate, f.mean(), f.lower(),
                f.upper(), f.confidence(), errorPct, micros);
    }

    /** The history, oldest first. */
    public double[] history() {
        double[] out = new double[size];
        for (int k = 0; k < size; k++) {
            out[k] = ring[(head + k) % ring.length];
        }
        return out;
    }

    private void push(double v) {
        if (size < ring.length) {
            ring[(head + size++) % ring.length] = v;
        } else {
            ring[head] = v;
            head = (head + 1) % ring.length;
        }
    }
}
