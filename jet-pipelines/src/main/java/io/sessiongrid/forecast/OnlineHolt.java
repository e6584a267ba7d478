package io.sessiongrid.forecast;

/**
 * Holt's linear trend, updated one point at a time: the per-connection forecaster. Every {@link #update} is
 * O(1) time and the state is O(1) space (five doubles and a count), so it can run for every connection at
 * every interval; fit the heavier {@link Forecaster}s only on aggregate series.
 *
 * <p>Component form, with fixed smoothing parameters:
 * <pre>
 *   level  l = alpha * y + (1 - alpha) * (l + b)
 *   trend  b = beta * (l - l_previous) + (1 - beta) * b
 * </pre>
 * The first point sets the level, the second the trend. The one-step error variance is an exponentially
 * weighted mean of squared one-step errors (a plain mean over the first {@code 1 / varianceWeight} errors).
 * Step {@code k} (1-based) forecasts {@code l + k b} with variance
 * {@code sigma^2 (1 + sum_{j<k} (alpha (1 + j beta))^2)}, as for the equivalent ETS(A,A,N) model.
 *
 * <p>Not thread-safe: confine an instance to one thread (a Jet processor's state, for example).
 */
public final class OnlineHolt {

    /** Default level smoothing: reacts within a few intervals. */
    public static final double DEFAULT_ALPHA = 0.5;
    /** Default trend smoothing: a trend must persist for several intervals to count. */
    public static final double DEFAULT_BETA = 0.1;
    private static final double DEFAULT_VARIANCE_WEIGHT = 0.05;

    private final double alpha;
    private final double beta;
    private final double varianceWeight;
    private long count;
    private double level;
    private double trend;
    private double variance;
    private long errors;

    /** With {@link #DEFAULT_ALPHA} and {@link #DEFAULT_BETA}. */
    public OnlineHolt() {
        this(DEFAULT_ALPHA, DEFAULT_BETA);
    }

    /**
     * @param alpha level smoothing, in (0, 1]
     * @param beta  trend smoothing, in [0, 1]
     * @throws IllegalArgumentException when a parameter is out of range
     */
    public OnlineHolt(double alpha, double beta) {
        if (!(alpha > 0 && alpha <= 1) || !(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("OnlineHolt needs 0 < alpha <= 1 and 0 <= beta <= 1, got alpha="
                    + alpha + ", beta=" + beta);
        }
        this.alpha = alpha;
        this.beta = beta;
        this.varianceWeight = DEFAULT_VARIANCE_WEIGHT;
    }

    /**
     * Adds the next observation. O(1).
     *
     * @throws IllegalArgumentException when value is not finite
     */
    public void update(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("OnlineHolt needs finite values, got " + value);
        }
        if (count == 0) {
            level = value;
        } else if (count == 1) {
            trend = value - level;
            level = value;
        } else {
            double error = value - (level + trend);
            errors++;
            double weight = Math.max(1.0 / errors, varianceWeight);
            variance += weight * (error * error - variance);
            double previous = level;
            level = alpha * value + (1 - alpha) * (level + trend);
            trend = beta * (level - previous) + (1 - beta) * trend;
        }
        count++;
    }

    /**
     * Rebuilds a forecaster from its state (see {@link #count()}, {@link #level()}, {@link #trend()},
     * {@link #residualVariance()} and {@link #errorCount()}): the exact state, so a restored forecaster goes on
     * as the original would.
     */
    public static OnlineHolt restore(double alpha, double beta, long count, double level, double trend,
                                     double variance, long errorCount) {
        OnlineHolt h = new OnlineHolt(alpha, beta);
        h.count = count;
        h.level = level;
        h.trend = trend;
        h.variance = variance;
        h.errors = errorCount;
        return h;
    }

    /** One-step errors seen (the weight of the variance estimate). */
    public long errorCount() {
        return errors;
    }

    /** The number of observations seen. */
    public long count() {
        return count;
    }

    /** The current level (NaN before the first observation). */
    public double level() {
        return count == 0 ? Double.NaN : level;
    }

    /** The current trend per step (0 before the second observation). */
    public double trend() {
        return trend;
    }

    /** The one-step error variance (0 until the third observation). */
    public double residualVariance() {
        return variance;
    }

    /**
     * Forecasts the next {@code horizon} steps with 95% intervals. O(horizon).
     *
     * @throws IllegalStateException    before the first observation
     * @throws IllegalArgumentException when horizon is below 1
     */
    public Forecast forecast(int horizon) {
        if (count == 0) {
            throw new IllegalStateException("OnlineHolt has no observation yet: call update first");
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        double[] mean = new double[horizon];
        double[] var = new double[horizon];
        double cumulative = 0;
        for (int k = 0; k < horizon; k++) {
            if (k > 0) {
                double c = alpha * (1 + k * beta);
                cumulative += c * c;
            }
            mean[k] = level + (k + 1) * trend;
            var[k] = variance * (1 + cumulative);
        }
        return Forecast.withVariances(mean, var);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "OnlineHolt[alpha=%s, beta=%s, n=%d, level=%.4g, trend=%.4g, "
                + "sigma=%.4g]", alpha, beta, count, level(), trend, Math.sqrt(variance));
    }
}
