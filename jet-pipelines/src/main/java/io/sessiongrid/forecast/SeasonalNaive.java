package io.sessiongrid.forecast;

import java.util.Arrays;

/**
 * Seasonal naive: the forecast of each step is the value one season earlier (the last value when the
 * history is shorter than a season). The baseline every other model must beat.
 *
 * <p>Intervals assume the seasonal differences {@code y[t] - y[t - season]} are white noise with the
 * variance measured on the last {@value #VARIANCE_WINDOW_SEASONS} seasons: step {@code k} (1-based) has
 * variance {@code sigma^2 * ceil(k / season)}. Fitting is O(min(n, 20 seasons)).
 */
final class SeasonalNaive implements Forecaster {

    static final String NAME = "seasonal_naive";
    private static final int VARIANCE_WINDOW_SEASONS = 20;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FittedModel fit(double[] history, int season, int horizon) {
        Forecaster.checkArguments(history, season, horizon);
        int lag = history.length > season ? season : 1;
        int window = (int) Math.min(history.length, (long) VARIANCE_WINDOW_SEASONS * lag + lag);
        int from = history.length - window;
        double sum = 0;
        for (int t = from + lag; t < history.length; t++) {
            double d = history[t] - history[t - lag];
            sum += d * d;
        }
        double variance = sum / (window - lag);
        return new Model(season, Arrays.copyOfRange(history, history.length - lag, history.length), variance);
    }

    @Override
    public String toString() {
        return NAME;
    }

    /** The last season of the history and the variance of seasonal differences. */
    private record Model(int season, double[] lastSeason, double variance) implements FittedModel {

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String describe() {
            return String.format(java.util.Locale.ROOT, "seasonal_naive(lag=%d, sigma=%.4g)",
                    lastSeason.length, Math.sqrt(variance));
        }

        @Override
        public Forecast forecast(int horizon) {
            if (horizon < 1) {
                throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
            }
            int lag = lastSeason.length;
            double[] mean = new double[horizon];
            double[] var = new double[horizon];
            for (int k = 0; k < horizon; k++) {
                mean[k] = lastSeason[k % lag];
                var[k] = variance * (k / lag + 1);
            }
            return Forecast.withVariances(mean, var);
        }

        @Override
        public FittedModel update(double[] history) {
            return new SeasonalNaive().fit(history, season, 1);
        }
    }
}
