package io.sessiongrid.analyzer.internal;

import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.forecast.FittedModel;
import io.sessiongrid.forecast.Forecast;
import io.sessiongrid.forecast.Forecaster;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The cluster request-rate forecast, one point at a time: keeps the newest {@code capacity} points, fits the
 * {@link Forecaster} now and then (after {@code min(refitEvery, n / 2)} new points, so often while the history
 * is short), and in between applies the fitted model to the grown history with {@link FittedModel#update}, which
 * costs one linear pass. Produces nothing until {@link Forecaster#MIN_HISTORY} points are in.
 *
 * <p>Refits run off the interval's critical path, on the {@code refits} executor (by default one shared
 * low-priority daemon thread): {@link #accept} submits a refit on a copy of the history and goes on updating the
 * current model; once the refit is done, the next {@code accept} takes it and brings it up to date with
 * {@code update}. Only the very first fit (no model yet) runs inline.
 *
 * <p>Not thread-safe: confined to one Jet processor (or one benchmark thread).
 */
public final class ClusterForecaster {
    /** Refit at least this often once the history is long. */
    public static final int DEFAULT_REFIT_EVERY = 60;

    /** The shared refit thread (one per JVM, low priority). */
    public static Executor refitThread() {
        return RefitThread.EXECUTOR;
    }

    private final Forecaster forecaster;
    private final long intervalMillis;
    private final int horizon;
    private final int season;
    private final int refitEvery;
    private final int minHistory;
    private final boolean firstFitInline;
    private final double[] ring;
    private int size;
    private int head;
    private FittedModel model;
    private int sinceFit;
    private double lastOneStep = Double.NaN;
    private final Executor refits;
    private CompletableFuture<FittedModel> refit;

    public ClusterForecaster(Forecaster forecaster, long intervalMillis, int capacity, int horizon, int season,
                             int refitEvery) {
        this(forecaster, intervalMillis, capacity, horizon, season, refitEvery, RefitThread.EXECUTOR);
    }

    /** As above, with refits on {@code refits} ({@code Runnable::run} refits inline, as tests may want). */
    public ClusterForecaster(Forecaster forecaster, long intervalMillis, int capacity, int horizon, int season,
                             int refitEvery, Executor refits) {
        this(forecaster, intervalMillis, capacity, horizon, season, refitEvery, Forecaster.MIN_HISTORY, true, refits);
    }

    /**
     * As above, producing nothing until {@code minHistory} points are in (a seasonal model wants two seasons); with
     * {@code firstFitInline} false the first fit runs on {@code refits} too, and nothing is produced until it is
     * done (a fit over ten days of minutes takes seconds, too long for the interval's path).
     */
    public ClusterForecaster(Forecaster forecaster, long intervalMillis, int capacity, int horizon, int season,
                             int refitEvery, int minHistory, boolean firstFitInline, Executor refits) {
        if (minHistory < Forecaster.MIN_HISTORY || capacity < minHistory || horizon < 1 || season < 1
                || refitEvery < 1) {
            throw new IllegalArgumentException("ClusterForecaster needs minHistory >= " + Forecaster.MIN_HISTORY
                    + ", capacity >= minHistory, horizon, season and refitEvery >= 1; got " + minHistory + ", "
                    + capacity + ", " + horizon + ", " + season + ", " + refitEvery);
        }
        this.minHistory = minHistory;
        this.firstFitInline = firstFitInline;
        this.forecaster = forecaster;
        this.intervalMillis = intervalMillis;
        this.horizon = horizon;
        this.season = season;
        this.refitEvery = refitEvery;
        this.ring = new double[capacity];
        this.refits = refits;
    }

    /** The shared refit thread, created on first use. */
    private static final class RefitThread {
        static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sessiongrid-forecast-refit");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /** Adds history without forecasting (e.g. read back from the store after a restart). */
    public void seed(double[] history) {
        for (double v : history) {
            push(v);
        }
        model = null;
        refit = null;
    }

    /**
     * Adds the rate observed in the window ending at {@code windowEnd} and forecasts the next {@code horizon}
     * windows.
     *
     * @return the forecast, or null while the history is shorter than {@code minHistory}
     */
    public ClusterForecast accept(long windowEnd, double rate) {
        long t0 = System.nanoTime();
        double errorPct = Double.isNaN(lastOneStep) ? -1
                : 100 * Math.abs(rate - lastOneStep) / Math.max(1, Math.abs(rate));
        push(Double.isFinite(rate) ? rate : 0);
        if (size < minHistory) {
            return null;
        }
        double[] history = history();
        sinceFit++;
        if (model == null && !firstFitInline) {
            if (refit == null) {
                double[] snapshot = history;
                refit = CompletableFuture.supplyAsync(() -> forecaster.fit(snapshot, season, horizon), refits);
            }
            if (!refit.isDone()) {
                return null;
            }
            model = refit.join().update(history);
            refit = null;
            sinceFit = 0;
        } else if (model == null) {
            model = forecaster.fit(history, season, horizon);
            sinceFit = 0;
        } else {
            if (refit != null && refit.isDone()) {
                model = refit.join(); // a failed fit throws here, on the processor's thread, as an inline fit did
                refit = null;
            }
            if (refit == null && sinceFit >= Math.min(refitEvery, Math.max(1, size / 2))) {
                double[] snapshot = history;
                refit = CompletableFuture.supplyAsync(() -> forecaster.fit(snapshot, season, horizon), refits);
                sinceFit = 0;
            }
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
