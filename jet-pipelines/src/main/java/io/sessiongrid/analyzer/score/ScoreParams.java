package io.sessiongrid.analyzer.score;

import java.time.Duration;

/**
 * The health score's parameters.
 *
 * @param intervalMillis the scoring interval: one observation per window of this length
 * @param horizonSteps   windows forecast: the scaling horizon (provisioning + warm-up time) in intervals, {@code >= 1}
 * @param referenceRate  requests per second at which the usage factor is one half, {@code > 0}
 */
public record ScoreParams(long intervalMillis, int horizonSteps, double referenceRate) {

    /** Requests per second that count as "half busy" unless told otherwise. */
    public static final double DEFAULT_REFERENCE_RATE = 1.0;

    public ScoreParams {
        if (intervalMillis < 1) {
            throw new IllegalArgumentException("intervalMillis must be >= 1, got " + intervalMillis);
        }
        if (horizonSteps < 1) {
            throw new IllegalArgumentException("horizonSteps must be >= 1, got " + horizonSteps);
        }
        if (!(referenceRate > 0) || Double.isInfinite(referenceRate)) {
            throw new IllegalArgumentException("referenceRate must be a positive number, got " + referenceRate);
        }
    }

    /** Parameters for a horizon given as a duration (rounded up to whole intervals). */
    public static ScoreParams of(Duration interval, Duration horizon, double referenceRate) {
        long ms = interval.toMillis();
        int steps = (int) Math.max(1, (horizon.toMillis() + ms - 1) / ms);
        return new ScoreParams(ms, steps, referenceRate);
    }
}
