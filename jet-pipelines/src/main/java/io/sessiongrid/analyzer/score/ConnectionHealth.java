package io.sessiongrid.analyzer.score;

import io.sessiongrid.forecast.OnlineHolt;

/**
 * What the health score remembers about one connection, updated once per scoring window in O(1): an
 * {@link OnlineHolt} on requests per window, the current idle streak, the mean length of past idle gaps, a
 * smoothed error rate. Its serial form (the getters, {@link #restore}) is exact, including the forecaster's state,
 * and small: 100,000 of these go into every Jet snapshot.
 *
 * <p>Not thread-safe: one instance per connection, confined to one thread (a Jet processor's keyed state).
 */
public final class ConnectionHealth {
    /** The most missing windows filled in as idle between two observations. */
    public static final int MAX_FILLED = 32;
    /** Holt's level smoothing: steadier than {@link OnlineHolt#DEFAULT_ALPHA}, so bursts do not swing the forecast. */
    public static final double ALPHA = 0.3;
    /** Holt's trend smoothing: a trend must persist for many windows to count. */
    public static final double BETA = 0.05;
    /** Weight of a new idle gap in the mean gap length. */
    static final double GAP_WEIGHT = 0.3;
    /** Weight of a new window in the smoothed error rate. */
    static final double ERROR_WEIGHT = 0.2;

    private long lastWindowStart = Long.MIN_VALUE;
    private long observations;
    private int idleStreak;
    private double meanGap;
    private int gaps;
    private double errorRate;
    private boolean closed;
    private OnlineHolt holt = new OnlineHolt(ALPHA, BETA);

    public ConnectionHealth() {
    }

    /**
     * Adds the window starting at {@code windowStart}. Windows missing since the previous one count as idle
     * (requests 0), at most {@value #MAX_FILLED} of them. A window at or before the previous one is ignored (a
     * replay).
     *
     * @param intervalMillis the scoring interval
     * @return false when the window was ignored
     */
    public boolean observe(long windowStart, long intervalMillis, long requests, long errors, boolean closedNow) {
        if (lastWindowStart != Long.MIN_VALUE && windowStart <= lastWindowStart) {
            return false;
        }
        if (lastWindowStart != Long.MIN_VALUE) {
            long missing = Math.min(MAX_FILLED, (windowStart - lastWindowStart) / intervalMillis - 1);
            for (long k = 0; k < missing; k++) {
                observeValue(0);
            }
        }
        observeValue(requests);
        if (requests > 0) {
            errorRate += ERROR_WEIGHT * ((double) Math.min(errors, requests) / requests - errorRate);
        }
        lastWindowStart = windowStart;
        closed |= closedNow;
        return true;
    }

    private void observeValue(double value) {
        if (holt.count() == 0) {
            holt.update(value); // primed twice: the forecaster starts with a flat trend
        }
        holt.update(value);
        observations++;
        if (value == 0) {
            idleStreak++;
        } else {
            if (idleStreak > 0) {
                meanGap = gaps == 0 ? idleStreak : meanGap + GAP_WEIGHT * (idleStreak - meanGap);
                gaps++;
            }
            idleStreak = 0;
        }
    }

    OnlineHolt holt() {
        return holt;
    }

    public long lastWindowStart() {
        return lastWindowStart;
    }

    public long observations() {
        return observations;
    }

    /** Consecutive windows without requests, up to now. */
    public int idleStreak() {
        return idleStreak;
    }

    /** Mean length of completed idle gaps (smoothed); 0 before the first gap ends. */
    public double meanGap() {
        return meanGap;
    }

    /** Idle gaps that have ended. */
    public int gaps() {
        return gaps;
    }

    public double errorRate() {
        return errorRate;
    }

    public boolean closed() {
        return closed;
    }

    /** The forecaster's state: observations (including the priming one), level, trend, variance, errors. */
    public double[] forecasterState() {
        return new double[]{holt.count(), holt.count() == 0 ? 0 : holt.level(), holt.trend(),
                holt.residualVariance(), holt.errorCount()};
    }

    /** Rebuilds a state from its serial form (see {@link #forecasterState()} and the getters). */
    public static ConnectionHealth restore(long lastWindowStart, long observations, int idleStreak, double meanGap,
                                           int gaps, double errorRate, boolean closed, double[] forecasterState) {
        ConnectionHealth h = new ConnectionHealth();
        if (forecasterState.length != 5) {
            throw new IllegalArgumentException("forecasterState has 5 values, got " + forecasterState.length);
        }
        h.holt = OnlineHolt.restore(ALPHA, BETA, (long) forecasterState[0], forecasterState[1], forecasterState[2],
                forecasterState[3], (long) forecasterState[4]);
        h.lastWindowStart = lastWindowStart;
        h.observations = observations;
        h.idleStreak = idleStreak;
        h.meanGap = meanGap;
        h.gaps = gaps;
        h.errorRate = errorRate;
        h.closed = closed;
        return h;
    }
}
