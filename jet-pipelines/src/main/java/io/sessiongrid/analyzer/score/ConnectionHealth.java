package io.sessiongrid.analyzer.score;

import io.sessiongrid.forecast.OnlineHolt;

/**
 * What the health score remembers about one connection, updated once per scoring window in O(1): an
 * {@link OnlineHolt} on requests per window, the current idle streak, the mean length of past idle gaps, a
 * smoothed error rate, and the last {@value #RECENT} observations (from which the {@code OnlineHolt} is rebuilt
 * after the state was serialized, e.g. restored from a Jet snapshot, since {@code OnlineHolt} itself keeps no
 * serial form).
 *
 * <p>Not thread-safe: one instance per connection, confined to one thread (a Jet processor's keyed state).
 */
public final class ConnectionHealth {
    /** Observations kept for rebuilding the forecaster. */
    public static final int RECENT = 32;
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
    private final double[] recent = new double[RECENT];
    private int recentSize;
    private int recentHead;
    private transient OnlineHolt holt;

    public ConnectionHealth() {
    }

    /**
     * Adds the window starting at {@code windowStart}. Windows missing since the previous one count as idle
     * (requests 0), at most {@value #RECENT} of them. A window at or before the previous one is ignored (a replay).
     *
     * @param intervalMillis the scoring interval
     * @return false when the window was ignored
     */
    public boolean observe(long windowStart, long intervalMillis, long requests, long errors, boolean closedNow) {
        if (lastWindowStart != Long.MIN_VALUE && windowStart <= lastWindowStart) {
            return false;
        }
        if (lastWindowStart != Long.MIN_VALUE) {
            long missing = Math.min(RECENT, (windowStart - lastWindowStart) / intervalMillis - 1);
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
        OnlineHolt forecaster = holt();
        if (forecaster.count() == 0) {
            forecaster.update(value); // primed twice: the forecaster starts with a flat trend
        }
        forecaster.update(value);
        recent[(recentHead + recentSize) % RECENT] = value;
        if (recentSize < RECENT) {
            recentSize++;
        } else {
            recentHead = (recentHead + 1) % RECENT;
        }
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
        if (holt == null) {
            holt = new OnlineHolt(ALPHA, BETA);
            if (recentSize > 0) {
                holt.update(recent[recentHead]);
            }
            for (int k = 0; k < recentSize; k++) {
                holt.update(recent[(recentHead + k) % RECENT]);
            }
        }
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

    /** The last observations, oldest first (at most {@value #RECENT}). */
    public double[] recent() {
        double[] out = new double[recentSize];
        for (int k = 0; k < recentSize; k++) {
            out[k] = recent[(recentHead + k) % RECENT];
        }
        return out;
    }

    /** Rebuilds a state from its serial form (see {@link #recent()} and the getters). */
    public static ConnectionHealth restore(long lastWindowStart, long observations, int idleStreak, double meanGap,
                                           int gaps, double errorRate, boolean closed, double[] recent) {
        ConnectionHealth h = new ConnectionHealth();
        int from = Math.max(0, recent.length - RECENT);
        for (int k = from; k < recent.length; k++) {
            h.recent[h.recentSize++] = recent[k];
        }
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
