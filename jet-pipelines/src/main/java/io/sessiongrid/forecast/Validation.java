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
        return spread(n, Math.max(4 * horizon, 2 * season), horizon, count);
    }

    /**
     * {@code count} origins evenly spaced over the last {@code span} points of a history of length {@code n}
     * (at most a third of it) that each leave {@code horizon} points to score; fewer when the span is shorter
     * than {@code count}, none when the history is too short.
     */
    static int[] spread(int n, int span, int horizon, int count) {
        span = Math.min(n / 3, span);
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
        return meanAbsoluteError(replay(model, prefixes(history, origins), horizon), history, origins);
    }

    /** The history up to each origin (exclusive): what a model replayed there may see. */
    static double[][] prefixes(double[] history, int[] origins) {
        double[][] prefixes = new double[origins.length][];
        for (int i = 0; i < origins.length; i++) {
            prefixes[i] = Arrays.copyOf(history, origins[i]);
        }
        return prefixes;
    }

    /** {@code model}'s parameters replayed on each prefix: one forecast per origin. O(origins * window). */
    static Forecast[] replay(FittedModel model, double[][] prefixes, int horizon) {
        Forecast[] forecasts = new Forecast[prefixes.length];
        for (int i = 0; i < prefixes.length; i++) {
            forecasts[i] = model.update(prefixes[i]).forecast(horizon);
        }
        return forecasts;
    }

    /**
     * The mean absolute error of forecasts made at {@code origins} against {@code history}; {@code +infinity}
     * when one is not finite, NaN when there is no origin.
     */
    static double meanAbsoluteError(Forecast[] forecasts, double[] history, int[] origins) {
        if (origins.length == 0) {
            return Double.NaN;
        }
        return Arrays.stream(originErrors(forecasts, history, origins)).average().orElse(Double.NaN);
    }

    /**
     * The mean absolute error of each origin's forecast ({@code +infinity} where one is not finite): the paired
     * samples that compare two models replayed at the same origins.
     */
    static double[] originErrors(Forecast[] forecasts, double[] history, int[] origins) {
        double[] errors = new double[origins.length];
        for (int i = 0; i < origins.length; i++) {
            Forecast f = forecasts[i];
            double sum = 0;
            for (int k = 0; k < f.horizon(); k++) {
                sum += Math.abs(history[origins[i] + k] - f.mean(k));
            }
            errors[i] = Double.isFinite(sum) ? sum / f.horizon() : Double.POSITIVE_INFINITY;
        }
        return errors;
    }

    /**
     * How far the forecasts' 95% intervals must stretch to hold {@code 95%} of the actual values: the 0.95
     * quantile, over all origins and steps, of {@code |actual - mean| / half-width}. 1 means calibrated, above 1
     * too narrow, below 1 too wide. NaN when there is no origin or every interval has zero width.
     */
    static double intervalStretch(Forecast[] forecasts, double[] history, int[] origins) {
        double[] ratios = new double[forecasts.length == 0 ? 0 : forecasts.length * forecasts[0].horizon()];
        int count = 0;
        for (int i = 0; i < origins.length; i++) {
            Forecast f = forecasts[i];
            for (int k = 0; k < f.horizon(); k++) {
                double half = (f.upper(k) - f.lower(k)) / 2;
                double e = Math.abs(history[origins[i] + k] - f.mean(k));
                if (half > 0 && Double.isFinite(e)) {
                    ratios[count++] = e / half;
                }
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        double[] r = Arrays.copyOf(ratios, count);
        Arrays.sort(r);
        return r[Math.min(count - 1, (int) Math.ceil(Forecast.DEFAULT_CONFIDENCE * count) - 1)];
    }
}
