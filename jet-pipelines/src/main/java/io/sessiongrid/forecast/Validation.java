package io.sessiongrid.forecast;

import java.util.Arrays;

/**
 * Cheap model selection by backtest: replays a fitted model's parameters ({@link FittedModel#update}) at
 * origins inside its own training history and measures the {@code horizon}-step error. No parameter is
 * re-estimated, so the cost is one linear pass per origin. Used by forecasters that pick their structure
 * (the differencing of {@code arima}, the model of {@code auto}); the scores are comparable between models
 * replayed on the same history and origins.
 */
public final class Validation {

    /** How many origins {@link #meanAbsoluteError} uses by default. */
    public static final int DEFAULT_ORIGINS = 16;

    private Validation() {
    }

    /**
     * The origins to validate on: {@code count} evenly spaced over the last part of a history of length
     * {@code n}, covering {@code max(4 * horizon, 2 * season)} points (at most a third of the history), so that
     * every origin leaves {@code horizon} points to score. Empty when the history is too short.
     */
    public static int[] origins(int n, int season, int horizon, int count) {
        int span = Math.min(n / 3, Math.max(4 * horizon, 2 * season));
        int last = n - horizon;
        int first = last - span;
        if (span < 1 || first < Forecaster.MIN_HISTORY) {
            return new int[0];
        }
        int k = Math.min(count, span + 1);
        int[] origins = new int[k];
        for (int i = 0; i < k; i++) {
            origins[i] = k == 1 ? last : first + (int) Math.round((double) i * (last - first) / (k - 1));
        }
        return origins;
    }

    /**
     * The mean absolute {@code horizon}-step error of {@code model} replayed at {@code origins} of
     * {@code history}; {@code +infinity} when a forecast is not finite, NaN when there is no origin.
     */
    public static double meanAbsoluteError(FittedModel model, double[] history, int[] origins, int horizon) {
        if (origins.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int origin : origins) {
            Forecast f = model.update(Arrays.copyOf(history, origin)).forecast(horizon);
            for (int k = 0; k < horizon; k++) {
                double e = Math.abs(history[origin + k] - f.mean(k));
                if (!Double.isFinite(e)) {
                    return Double.POSITIVE_INFINITY;
                }
                sum += e;
            }
        }
        return sum / ((double) origins.length * horizon);
    }
}
