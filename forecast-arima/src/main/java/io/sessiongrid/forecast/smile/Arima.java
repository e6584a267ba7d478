package io.sessiongrid.forecast.smile;

import io.sessiongrid.forecast.FittedModel;
import io.sessiongrid.forecast.Forecaster;
import io.sessiongrid.forecast.Validation;
import smile.timeseries.AR;
import smile.timeseries.ARMA;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ARIMA without an ARIMA library: difference the series, fit an ARMA model to the differences with Smile
 * ({@link AR#fit Yule-Walker} for pure AR orders, {@link ARMA#fit Hannan-Rissanen} otherwise), and integrate
 * the forecasts back.
 *
 * <p>Fitting, on the last {@code max(minWindow, windowSeasons * season)} points:
 * <ol>
 *   <li>candidate differencings: none, first, seasonal, first and seasonal (the seasonal ones only with at
 *       least three seasons in the window);</li>
 *   <li>for each, the ARMA order among a few small ones with the lowest AIC on the one-step residuals;</li>
 *   <li>among the differencings, the one with the lowest {@code horizon}-step error when its coefficients are
 *       replayed at {@link Validation#origins origins} inside the window.</li>
 * </ol>
 * Seasonality is handled by seasonal differencing only, never by AR lags at the seasonal period. Cost:
 * about 20 small Smile fits, each O(window * order), plus O(window) per validation origin.
 */
public final class Arima implements Forecaster {

    /** The name {@code Forecasters} knows this method by. */
    public static final String NAME = "arima";
    static final int DEFAULT_MIN_WINDOW = 2000;
    static final int DEFAULT_WINDOW_SEASONS = 9;
    /** Candidate (p, q) orders. */
    private static final int[][] ORDERS = {{1, 0}, {2, 0}, {3, 0}, {5, 0}, {8, 0}, {12, 0}, {1, 1}, {2, 1}};

    private final int minWindow;
    private final int windowSeasons;

    /** ARIMA with the default window: {@code max(2000, 9 seasons)} points. */
    public Arima() {
        this(DEFAULT_MIN_WINDOW, DEFAULT_WINDOW_SEASONS);
    }

    Arima(int minWindow, int windowSeasons) {
        this.minWindow = minWindow;
        this.windowSeasons = windowSeasons;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FittedModel fit(double[] history, int season, int horizon) {
        Forecaster.checkArguments(history, season, horizon);
        double[] y = window(history, season);
        List<ArimaModel> candidates = new ArrayList<>();
        for (Differencing diff : differencings(y.length, season)) {
            ArimaModel best = bestOrder(diff, y);
            if (best != null) {
                candidates.add(best);
            }
        }
        if (candidates.isEmpty()) {
            return randomWalk(y);
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        int[] origins = Validation.origins(y.length, season, horizon, Validation.DEFAULT_ORIGINS);
        ArimaModel chosen = candidates.get(0);
        double chosenError = Double.POSITIVE_INFINITY;
        for (ArimaModel candidate : candidates) {
            double error = Validation.meanAbsoluteError(candidate, y, origins, horizon);
            if (error < chosenError || Double.isNaN(chosenError)) {
                chosen = candidate;
                chosenError = error;
            }
        }
        return chosen;
    }

    /** The model's differencing and coefficients applied to a new history (see {@link FittedModel#update}). */
    FittedModel refit(double[] history, ArimaModel model) {
        Forecaster.checkArguments(history, model.diff().season(), 1);
        ArimaModel updated = ArimaModel.filter(this, model.diff(), model.ar(), model.ma(), model.intercept(),
                window(history, model.diff().season()));
        return updated != null ? updated : fit(history, model.diff().season(), 1);
    }

    private double[] window(double[] history, int season) {
        int w = (int) Math.min(history.length, Math.max(minWindow, (long) windowSeasons * season));
        return w == history.length ? history : Arrays.copyOfRange(history, history.length - w, history.length);
    }

    private static List<Differencing> differencings(int n, int season) {
        List<Differencing> list = new ArrayList<>(List.of(new Differencing(0, 0, 1), new Differencing(1, 0, 1)));
        if (season > 1 && n >= 3 * season) {
            list.add(new Differencing(0, 1, season));
            list.add(new Differencing(1, 1, season));
        }
        return list;
    }

    /** The candidate order with the lowest AIC for this differencing, or null when none fits. */
    private ArimaModel bestOrder(Differencing diff, double[] y) {
        double[] w = diff.apply(y);
        ArimaModel best = null;
        double bestAic = Double.POSITIVE_INFINITY;
        for (int[] order : ORDERS) {
            ArimaModel model = fitOrder(diff, y, w, order[0], order[1]);
            if (model != null) {
                double aic = (w.length - ArimaModel.BURN_IN) * Math.log(model.variance()) + 2.0 * model.parameters();
                if (aic < bestAic) {
                    best = model;
                    bestAic = aic;
                }
            }
        }
        return best;
    }

    private ArimaModel fitOrder(Differencing diff, double[] y, double[] w, int p, int q) {
        if (w.length < 3 * (p + q + 20) + ArimaModel.BURN_IN) {
            return null;
        }
        try {
            if (q == 0) {
                AR ar = AR.fit(w, p);
                return ArimaModel.filter(this, diff, ar.ar(), new double[0], ar.intercept(), y);
            }
            ARMA arma = ARMA.fit(w, p, q);
            if (!invertible(arma.ma())) {
                return null;
            }
            return ArimaModel.filter(this, diff, arma.ar(), arma.ma(), arma.intercept(), y);
        } catch (RuntimeException e) {
            return null; // a singular or degenerate fit: another order or differencing will do
        }
    }

    /** A cheap sufficient check: sum |theta| < 1 keeps the residual recursion stable. */
    private static boolean invertible(double[] ma) {
        double sum = 0;
        for (double v : ma) {
            sum += Math.abs(v);
        }
        return sum < 1;
    }

    /** Random walk with drift, for histories too short for any ARMA fit. */
    private FittedModel randomWalk(double[] y) {
        Differencing diff = new Differencing(1, 0, 1);
        double[] w = diff.apply(y);
        double drift = Arrays.stream(w).average().orElse(0);
        double sum = 0;
        for (double v : w) {
            sum += (v - drift) * (v - drift);
        }
        return new ArimaModel(this, diff, new double[0], new double[0], drift, sum / Math.max(1, w.length),
                new double[] {y[y.length - 1]}, new double[0], new double[0]);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
