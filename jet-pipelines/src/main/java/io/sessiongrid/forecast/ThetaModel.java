package io.sessiongrid.forecast;

import java.util.Locale;

/**
 * A fitted {@link Theta} model.
 *
 * @param season   the seasonal period the caller asked for (the indices may be neutral)
 * @param indices  the seasonal indices, aligned with the fitting window's start
 * @param n        the fitting window's length
 * @param alpha    the smoothing weight of the level
 * @param level    the smoothed level of the adjusted series after the last point
 * @param slope    the least-squares slope of the adjusted window, per step
 * @param variance the one-step error variance of the smoothing (robust: clipped errors)
 */
record ThetaModel(int season, SeasonalIndices indices, int n, double alpha, double level, double slope,
                  double variance) implements FittedModel {


    /** Smooths {@code adjusted} with {@code alpha} and derives everything else. O(n). */
    static ThetaModel of(int season, SeasonalIndices indices, double[] adjusted, double alpha) {
        double[] state = new double[2];
        smooth(adjusted, alpha, state);
        return new ThetaModel(season, indices, adjusted.length, alpha, state[0], slope(adjusted),
                state[1] / adjusted.length);
    }

    /**
     * The one-step sum of absolute (clipped) errors of simple exponential smoothing over {@code y}, starting
     * from the mean of its first points: the objective {@link Theta} minimises. {@code state} (length 2, may be
     * null) receives the final level and the sum of squared errors. O(n), no allocation. Errors are clipped as
     * in {@link HoltWintersModel}.
     */
    static double smooth(double[] y, double alpha, double[] state) {
        int first = Math.min(y.length, 10);
        double l = 0;
        double scale = 0;
        for (int t = 0; t < first; t++) {
            l += y[t] / first;
            scale += t > 0 ? Math.abs(y[t] - y[t - 1]) / (first - 1) : 0;
        }
        if (!(scale > 0)) {
            scale = Math.max(Math.abs(l), 1) * 1e-6;
        }
        double absolute = 0;
        double squares = 0;
        for (double v : y) {
            double e = v - l;
            double cap = HoltWintersModel.CLIP * scale;
            e = e > cap ? cap : (e < -cap ? -cap : e);
            scale += HoltWintersModel.SCALE_WEIGHT * (Math.abs(e) - scale);
            absolute += Math.abs(e);
            squares += e * e;
            l += alpha * e;
        }
        if (state != null) {
            state[0] = l;
            state[1] = squares;
        }
        return absolute;
    }

    /** The least-squares slope of {@code y} against time. O(n). */
    static double slope(double[] y) {
        int n = y.length;
        double tMean = (n - 1) / 2.0;
        double yMean = 0;
        for (double v : y) {
            yMean += v / n;
        }
        double num = 0;
        double den = 0;
        for (int t = 0; t < n; t++) {
            num += (t - tMean) * (y[t] - yMean);
            den += (t - tMean) * (t - tMean);
        }
        return den == 0 ? 0 : num / den;
    }

    @Override
    public String name() {
        return Theta.NAME;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "theta(alpha=%.3f, drift=%.4g, season=%s, sigma=%.4g, window=%d)", alpha,
                slope / 2, indices.period() == 1 ? "none" : (indices.multiplicative() ? "x" : "+") + indices.period(),
                Math.sqrt(variance), n);
    }

    @Override
    public Forecast forecast(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        double[] mean = new double[horizon];
        double[] lower = new double[horizon];
        double[] upper = new double[horizon];
        double decay = Math.pow(1 - alpha, n);
        for (int k = 0; k < horizon; k++) {
            int h = k + 1;
            double point = level + slope / 2 * (h - 1 + 1 / alpha - decay / alpha);
            double half = Forecast.Z_95 * Math.sqrt(variance * (1 + (h - 1) * alpha * alpha));
            int t = n + k;
            mean[k] = indices.restore(point, t);
            double a = indices.restore(point - half, t);
            double b = indices.restore(point + half, t);
            lower[k] = Math.min(a, b);
            upper[k] = Math.max(a, b);
        }
        return new Forecast(mean, lower, upper, Forecast.DEFAULT_CONFIDENCE);
    }

    @Override
    public FittedModel update(double[] history) {
        return Theta.refit(history, season, alpha);
    }
}
