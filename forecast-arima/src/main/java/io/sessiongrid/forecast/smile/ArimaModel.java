package io.sessiongrid.forecast.smile;

import io.sessiongrid.forecast.FittedModel;
import io.sessiongrid.forecast.Forecast;

import java.util.Arrays;
import java.util.Locale;

/**
 * A fitted ARIMA model: {@code w = diff(y)} follows
 * {@code w[t] = c + sum_i ar[i] w[t-1-i] + sum_j ma[j] a[t-1-j] + a[t]}. Forecasts of {@code w} are integrated
 * back; intervals use the psi-weights of the whole model (differencing included) and the residual variance.
 * This class never touches Smile: the coefficients are plain numbers, so {@link #update} and
 * {@link #forecast} are our own O(n) and O(h * order) recursions.
 *
 * @param method    the forecaster that fitted it (its window rule applies to {@link #update})
 * @param diff      the differencing
 * @param ar        AR coefficients
 * @param ma        MA coefficients
 * @param intercept the constant {@code c}
 * @param variance  the one-step residual variance in the window
 * @param tailY     the last {@code diff.order()} observations
 * @param tailW     the last {@code max(p, q)} differenced values
 * @param tailA     the last {@code max(p, q)} residuals
 */
record ArimaModel(Arima method, Differencing diff, double[] ar, double[] ma, double intercept, double variance,
                  double[] tailY, double[] tailW, double[] tailA) implements FittedModel {

    /** Residuals before this index are a burn-in and do not count in the variance (same for every order). */
    static final int BURN_IN = 25;

    /**
     * Runs the model's recursion over {@code y} with fixed coefficients: residuals, variance and the tails
     * forecasting needs. O(n (p + q)). Returns null when the recursion is unstable (a non-invertible MA part)
     * or the differenced series is too short.
     */
    static ArimaModel filter(Arima method, Differencing diff, double[] ar, double[] ma, double intercept,
                             double[] y) {
        double[] w = diff.apply(y);
        int k = Math.max(ar.length, ma.length);
        if (w.length < BURN_IN + k + 2) {
            return null;
        }
        double[] a = new double[w.length];
        double sum = 0;
        int count = 0;
        for (int t = k; t < w.length; t++) {
            double pred = intercept;
            for (int i = 0; i < ar.length; i++) {
                pred += ar[i] * w[t - 1 - i];
            }
            for (int j = 0; j < ma.length; j++) {
                pred += ma[j] * a[t - 1 - j];
            }
            a[t] = w[t] - pred;
            if (t >= BURN_IN + k) {
                sum += a[t] * a[t];
                count++;
            }
        }
        double variance = sum / count;
        if (!Double.isFinite(variance)) {
            return null;
        }
        int order = diff.order();
        return new ArimaModel(method, diff, ar, ma, intercept, variance,
                Arrays.copyOfRange(y, y.length - order, y.length),
                Arrays.copyOfRange(w, w.length - k, w.length), Arrays.copyOfRange(a, a.length - k, a.length));
    }

    /** The number of estimated coefficients, intercept included. */
    int parameters() {
        return ar.length + ma.length + 1;
    }

    @Override
    public String name() {
        return Arima.NAME;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "arima(p=%d, %s, q=%d, ar=%s, ma=%s, c=%.4g, sigma=%.4g)",
                ar.length, diff, ma.length, round(ar), round(ma), intercept, Math.sqrt(variance));
    }

    @Override
    public Forecast forecast(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        int k = tailW.length;
        double[] w = Arrays.copyOf(tailW, k + horizon);
        double[] a = Arrays.copyOf(tailA, k + horizon);
        for (int t = k; t < k + horizon; t++) {
            double pred = intercept;
            for (int i = 0; i < ar.length; i++) {
                pred += ar[i] * w[t - 1 - i];
            }
            for (int j = 0; j < ma.length; j++) {
                pred += ma[j] * a[t - 1 - j];
            }
            w[t] = pred;
        }
        double[] mean = diff.integrate(tailY, Arrays.copyOfRange(w, k, k + horizon));
        double[] psi = psiWeights(horizon);
        double[] var = new double[horizon];
        double cumulative = 0;
        for (int h = 0; h < horizon; h++) {
            cumulative += psi[h] * psi[h];
            var[h] = variance * cumulative;
        }
        return Forecast.withVariances(mean, var);
    }

    /** psi[0..n): the MA(infinity) weights of {@code phi(B) diff(B) y = theta(B) a}. O(n * order). */
    double[] psiWeights(int n) {
        double[] phi = new double[ar.length + 1];
        phi[0] = 1;
        for (int i = 0; i < ar.length; i++) {
            phi[i + 1] = -ar[i];
        }
        double[] full = Differencing.multiply(phi, diff.polynomial());
        double[] psi = new double[n];
        psi[0] = 1;
        for (int j = 1; j < n; j++) {
            double v = j <= ma.length ? ma[j - 1] : 0;
            for (int i = 1; i <= Math.min(j, full.length - 1); i++) {
                v -= full[i] * psi[j - i];
            }
            psi[j] = v;
        }
        return psi;
    }

    @Override
    public FittedModel update(double[] history) {
        return method.refit(history, this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArimaModel m && diff.equals(m.diff) && Arrays.equals(ar, m.ar) && Arrays.equals(ma, m.ma)
                && intercept == m.intercept && variance == m.variance && Arrays.equals(tailY, m.tailY)
                && Arrays.equals(tailW, m.tailW) && Arrays.equals(tailA, m.tailA);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * diff.hashCode() + Arrays.hashCode(ar)) + Arrays.hashCode(tailY);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String round(double[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            s.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", v[i]));
        }
        return s.append(']').toString();
    }
}
