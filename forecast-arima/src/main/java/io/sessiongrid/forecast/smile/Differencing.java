package io.sessiongrid.forecast.smile;

/**
 * The differencing of an ARIMA model: {@code d} first differences and {@code seasonalD} seasonal differences
 * at lag {@code season}, as the polynomial {@code (1 - B)^d (1 - B^season)^seasonalD} in the backshift
 * operator {@code B}.
 *
 * @param d         first differences, 0 or 1
 * @param seasonalD seasonal differences, 0 or 1
 * @param season    the seasonal lag (ignored when {@code seasonalD == 0})
 */
record Differencing(int d, int seasonalD, int season) {

    Differencing {
        if (d < 0 || d > 1 || seasonalD < 0 || seasonalD > 1 || season < 1) {
            throw new IllegalArgumentException("differencing supports d, D in {0, 1} and season >= 1, got d=" + d
                    + ", D=" + seasonalD + ", season=" + season);
        }
    }

    /** How many points differencing consumes: {@code d + D * season}. */
    int order() {
        return d + seasonalD * season;
    }

    /**
     * The polynomial's coefficients {@code delta[0..order]}, {@code delta[0] = 1}:
     * {@code w[t] = sum_j delta[j] * y[t - j]}.
     */
    double[] polynomial() {
        double[] delta = {1};
        if (d == 1) {
            delta = multiply(delta, lagPolynomial(1));
        }
        if (seasonalD == 1) {
            delta = multiply(delta, lagPolynomial(season));
        }
        return delta;
    }

    /** The differenced series, {@code y.length - order()} points long. O(n). */
    double[] apply(double[] y) {
        double[] delta = polynomial();
        int order = delta.length - 1;
        int[] lags = nonZero(delta);
        double[] w = new double[Math.max(0, y.length - order)];
        for (int t = 0; t < w.length; t++) {
            double v = 0;
            for (int j : lags) {
                v += delta[j] * y[t + order - j];
            }
            w[t] = v;
        }
        return w;
    }

    /**
     * Integrates forecasts of the differenced series back: {@code y[t] = w[t] - sum_{j>=1} delta[j] y[t-j]}.
     *
     * @param tail      the last {@code order()} observations, oldest first
     * @param wForecast the forecasts of the differenced series
     * @return the forecasts of the original series
     */
    double[] integrate(double[] tail, double[] wForecast) {
        double[] delta = polynomial();
        int order = delta.length - 1;
        int[] lags = nonZero(delta);
        double[] y = new double[order + wForecast.length];
        System.arraycopy(tail, 0, y, 0, order);
        for (int k = 0; k < wForecast.length; k++) {
            int t = order + k;
            double v = wForecast[k];
            for (int j : lags) {
                if (j > 0) {
                    v -= delta[j] * y[t - j];
                }
            }
            y[t] = v;
        }
        return java.util.Arrays.copyOfRange(y, order, y.length);
    }

    private static int[] nonZero(double[] delta) {
        return java.util.stream.IntStream.range(0, delta.length).filter(j -> delta[j] != 0).toArray();
    }

    /** {@code 1 - B^lag}. */
    private static double[] lagPolynomial(int lag) {
        double[] p = new double[lag + 1];
        p[0] = 1;
        p[lag] = -1;
        return p;
    }

    static double[] multiply(double[] a, double[] b) {
        double[] c = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0) {
                for (int j = 0; j < b.length; j++) {
                    c[i + j] += a[i] * b[j];
                }
            }
        }
        return c;
    }

    @Override
    public String toString() {
        return "d=" + d + ",D=" + seasonalD + (seasonalD > 0 ? "@" + season : "");
    }
}
