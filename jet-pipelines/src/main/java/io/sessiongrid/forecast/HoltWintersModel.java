package io.sessiongrid.forecast;

import java.util.Arrays;
import java.util.Locale;

/**
 * A fitted additive Holt-Winters model with damped trend, in innovations (error-correction) form:
 * <pre>
 *   forecast  f = l + phi*b + s[t - m]           e = y - f
 *   level     l = l + phi*b + alpha*e
 *   trend     b = phi*b + beta*e
 *   season    s[t] = s[t - m] + gamma*e
 * </pre>
 * with {@code 0 < alpha < 1}, {@code 0 < beta < alpha}, {@code 0 <= gamma < 1 - alpha}, {@code 0 < phi <= 1}.
 * Step {@code k} (1-based) has the forecast {@code l + (phi + ... + phi^k) b + s} and the error variance
 * {@code sigma^2 (1 + sum_{j<k} c_j^2)} with {@code c_j = alpha + beta (phi + ... + phi^j) + gamma [m | j]}
 * (Hyndman et al., Forecasting with Exponential Smoothing, class 1 ETS(A,Ad,A)).
 *
 * <p>Robust filtering (when {@link Params#robust()}): before it updates the state, the error is clipped to
 * {@value #CLIP} times a running mean absolute error (itself fed clipped errors, weight {@value #SCALE_WEIGHT}),
 * so that one spike (an outage, an anomaly) neither moves the level nor stays in the seasonal terms for
 * weeks; the variance is that of the clipped errors. This follows Gelper, Fried and Croux, "Robust forecasting
 * with exponential and Holt-Winters smoothing" (J. Forecasting, 2010), with a simpler scale estimate.
 *
 * @param method   the forecaster that fitted this model (its window rule applies to {@link #update})
 * @param params   the smoothing parameters
 * @param season   the seasonal period used ({@code 1} = none)
 * @param level    the level after the last observation
 * @param trend    the trend after the last observation
 * @param seasonal the seasonal state; {@code seasonal[(n + k) % season]} is the term of step {@code k}
 * @param n        the number of observations the state has seen (its window)
 * @param variance the one-step error variance in the window
 */
record HoltWintersModel(HoltWinters method, Params params, int season, double level, double trend, double[] seasonal, int n,
                        double variance) implements FittedModel {

    /**
     * Smoothing parameters.
     *
     * @param alpha  level, in (0, 1)
     * @param beta   trend, in [0, alpha)
     * @param gamma  season, in [0, 1 - alpha)
     * @param phi    trend damping, in (0, 1]
     * @param robust whether errors are clipped before they update the state
     */
    record Params(double alpha, double beta, double gamma, double phi, boolean robust) {
    }

    /** Robust filtering: errors beyond this many mean absolute errors are clipped. */
    static final double CLIP = 6;
    /** Robust filtering: the weight of each new error in the running mean absolute error. */
    static final double SCALE_WEIGHT = 0.05;

    /** The initial state, estimated from the first seasons of a window. */
    record Initial(double level, double trend, double[] seasonal, double scale) {

        /**
         * Level and trend from the means of the first (up to four) seasons, seasonal terms from the detrended
         * averages of those seasons, centred to sum to zero. Needs {@code y.length >= 2 * m} when {@code m > 1}.
         */
        static Initial of(double[] y, int m) {
            if (m == 1) {
                int k = Math.min(y.length - 1, 8);
                double slope = (y[k] - y[0]) / k;
                return new Initial(y[0] - slope, slope, new double[1], initialScale(y, 1));
            }
            int seasons = Math.min(y.length / m, 4);
            double[] means = new double[seasons];
            for (int j = 0; j < seasons; j++) {
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    sum += y[j * m + i];
                }
                means[j] = sum / m;
            }
            double slope = (means[seasons - 1] - means[0]) / ((seasons - 1.0) * m);
            double centre = (m - 1) / 2.0;
            double[] s = new double[m];
            double total = 0;
            for (int i = 0; i < m; i++) {
                double sum = 0;
                for (int j = 0; j < seasons; j++) {
                    sum += y[j * m + i] - (means[j] + slope * (i - centre));
                }
                s[i] = sum / seasons;
                total += s[i];
            }
            for (int i = 0; i < m; i++) {
                s[i] -= total / m;
            }
            return new Initial(means[0] - slope * (centre + 1), slope, s, initialScale(y, m));
        }

        /** The mean absolute first difference over the first two seasons: the robust filter's first scale. */
        private static double initialScale(double[] y, int m) {
            int n = Math.min(y.length, Math.max(2 * m, 16));
            double sum = 0;
            double size = 0;
            for (int t = 1; t < n; t++) {
                sum += Math.abs(y[t] - y[t - 1]);
                size = Math.max(size, Math.abs(y[t]));
            }
            double scale = sum / (n - 1);
            return scale > 0 ? scale : Math.max(size, 1) * 1e-6;
        }
    }

    /**
     * The one-step sum of squared errors over {@code y} from {@code init}; {@code work} (length {@code m})
     * receives the final seasonal state and {@code levelTrend} (length 2, may be null) the final level and
     * trend. O(y.length), no allocation: this is the objective the fit minimises.
     */
    static double sse(double[] y, int m, Initial init, Params p, double[] work, double[] levelTrend) {
        System.arraycopy(init.seasonal, 0, work, 0, m);
        double l = init.level;
        double b = init.trend;
        double a = p.alpha;
        double beta = p.beta;
        double g = p.gamma;
        double phi = p.phi;
        boolean robust = p.robust;
        double scale = init.scale;
        double sse = 0;
        int j = 0;
        for (double v : y) {
            double damped = phi * b;
            double e = v - (l + damped + work[j]);
            if (robust) {
                double cap = CLIP * scale;
                e = e > cap ? cap : (e < -cap ? -cap : e);
                scale += SCALE_WEIGHT * (Math.abs(e) - scale);
            }
            sse += e * e;
            l += damped + a * e;
            b = damped + beta * e;
            work[j] += g * e;
            if (++j == m) {
                j = 0;
            }
        }
        if (levelTrend != null) {
            levelTrend[0] = l;
            levelTrend[1] = b;
        }
        return sse;
    }

    /** Runs the filter over {@code y} (the whole fitting window) with fixed parameters. O(y.length). */
    static HoltWintersModel run(HoltWinters method, double[] y, int m, Params p) {
        double[] s = new double[m];
        double[] levelTrend = new double[2];
        double sse = sse(y, m, Initial.of(y, m), p, s, levelTrend);
        return new HoltWintersModel(method, p, m, levelTrend[0], levelTrend[1], s, y.length, sse / y.length);
    }

    @Override
    public String name() {
        return HoltWinters.NAME;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "holt_winters(m=%d, alpha=%.3f, beta=%.4f, gamma=%.3f, phi=%.3f, "
                + "sigma=%.4g, window=%d)", season, params.alpha, params.beta, params.gamma, params.phi,
                Math.sqrt(variance), n);
    }

    @Override
    public Forecast forecast(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        double[] mean = new double[horizon];
        double[] var = new double[horizon];
        double phiSum = 0;
        double phiPower = 1;
        double cumulative = 0;
        for (int k = 0; k < horizon; k++) {
            if (k > 0) {
                // c_j for j = k: the effect of the error k steps back on this step
                double c = params.alpha + params.beta * phiSum + (k % season == 0 && season > 1 ? params.gamma : 0);
                cumulative += c * c;
            }
            phiPower *= params.phi;
            phiSum += phiPower;
            mean[k] = level + phiSum * trend + seasonal[(n + k) % season];
            var[k] = variance * (1 + cumulative);
        }
        return Forecast.withVariances(mean, var);
    }

    @Override
    public FittedModel update(double[] history) {
        return method.refit(history, season, params);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HoltWintersModel h && params.equals(h.params) && season == h.season
                && level == h.level && trend == h.trend && Arrays.equals(seasonal, h.seasonal) && n == h.n
                && variance == h.variance;
    }

    @Override
    public int hashCode() {
        return 31 * params.hashCode() + Arrays.hashCode(seasonal);
    }

    @Override
    public String toString() {
        return describe();
    }
}
