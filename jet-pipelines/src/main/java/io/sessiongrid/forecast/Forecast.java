package io.sessiongrid.forecast;

import java.util.Arrays;

/**
 * An {@code h}-step forecast: the point forecast and a prediction interval per step.
 *
 * <p>Step {@code k} (0-based) forecasts the value {@code k + 1} steps after the last observation. The
 * interval {@code [lower[k], upper[k]]} is a central prediction interval at {@link #confidence()}, assuming
 * Gaussian forecast errors with the model's error variance. The arrays are copied in and out, so a forecast
 * is immutable; use {@link #mean(int)} and friends to read one step without copying.
 *
 * @param mean       the point forecasts, one per step
 * @param lower      lower interval bounds
 * @param upper      upper interval bounds
 * @param confidence the nominal coverage of the intervals, in (0, 1), e.g. 0.95
 */
public record Forecast(double[] mean, double[] lower, double[] upper, double confidence) {

    /** The confidence of every interval that this package's forecasters produce. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** The standard normal quantile for {@link #DEFAULT_CONFIDENCE} (two-sided). */
    static final double Z_95 = 1.959963984540054;

    public Forecast {
        if (mean.length == 0 || mean.length != lower.length || mean.length != upper.length) {
            throw new IllegalArgumentException("mean, lower and upper must have the same non-zero length, got "
                    + mean.length + ", " + lower.length + ", " + upper.length);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        mean = mean.clone();
        lower = lower.clone();
        upper = upper.clone();
    }

    /**
     * A 95% forecast from point forecasts and per-step forecast-error variances.
     *
     * @param mean     the point forecasts
     * @param variance the forecast-error variance of each step (negative or NaN values count as 0)
     */
    public static Forecast withVariances(double[] mean, double[] variance) {
        double[] lower = new double[mean.length];
        double[] upper = new double[mean.length];
        for (int k = 0; k < mean.length; k++) {
            double v = variance[k] > 0 ? variance[k] : 0;
            double half = Z_95 * Math.sqrt(v);
            lower[k] = mean[k] - half;
            upper[k] = mean[k] + half;
        }
        return new Forecast(mean, lower, upper, DEFAULT_CONFIDENCE);
    }

    /** The number of steps forecast. */
    public int horizon() {
        return mean.length;
    }

    /** The point forecast of step {@code k} (0-based). */
    public double mean(int k) {
        return mean[k];
    }

    /** The lower interval bound of step {@code k} (0-based). */
    public double lower(int k) {
        return lower[k];
    }

    /** The upper interval bound of step {@code k} (0-based). */
    public double upper(int k) {
        return upper[k];
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Forecast f && confidence == f.confidence && Arrays.equals(mean, f.mean)
                && Arrays.equals(lower, f.lower) && Arrays.equals(upper, f.upper);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(mean) + Arrays.hashCode(lower)) + Double.hashCode(confidence);
    }

    @Override
    public String toString() {
        return "Forecast[mean=" + Arrays.toString(mean) + ", lower=" + Arrays.toString(lower)
                + ", upper=" + Arrays.toString(upper) + ", confidence=" + confidence + "]";
    }
}
