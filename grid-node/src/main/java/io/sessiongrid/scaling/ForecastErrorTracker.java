package io.sessiongrid.scaling;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The recent relative error of a forecast: the mean of the last {@code window} relative one-step errors (e.g. the
 * analyzer's {@code ClusterForecast.lastErrorPct / 100}). O(1) per update. Not thread-safe.
 */
public final class ForecastErrorTracker {

    /** The default window: an hour of 5-minute steps, or a minute of 5-second ones. */
    public static final int DEFAULT_WINDOW = 12;

    private final int window;
    private final Deque<Double> errors = new ArrayDeque<>();
    private double sum;

    public ForecastErrorTracker(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        this.window = window;
    }

    /** Adds one relative error (negative values, meaning "none", are ignored). */
    public void add(double relativeError) {
        if (!(relativeError >= 0) || Double.isInfinite(relativeError)) {
            return;
        }
        errors.addLast(relativeError);
        sum += relativeError;
        if (errors.size() > window) {
            sum -= errors.removeFirst();
        }
    }

    /** The mean relative error of the window; 0 before the first error. */
    public double recent() {
        return errors.isEmpty() ? 0 : Math.max(0, sum / errors.size());
    }
}
