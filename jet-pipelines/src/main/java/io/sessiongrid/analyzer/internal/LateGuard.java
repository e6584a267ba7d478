package io.sessiongrid.analyzer.internal;

import io.sessiongrid.analyzer.ConnectionSample;

/**
 * Keeps late samples out of Jet's silent drop (STACK.md pitfall 2). One instance per processor, placed right
 * before the stage that assigns timestamps (which Jet wires with an isolated edge, so that stage's processor
 * sees exactly the items this instance saw). That processor's watermark is at most {@code maxSeen - lag}, and
 * the window stage's watermark is at most the lowest of those; so a sample stamped at or after
 * {@code maxSeen - lag} is never late there. A sample older than that is moved to the oldest window still open
 * and marked {@code late}: it is counted in that window (and in the {@code lateEvents} metric), not lost.
 * Late heartbeats carry no data and are dropped.
 *
 * <p>Not thread-safe: confined to its processor.
 */
public final class LateGuard {
    private final long lag;
    private long maxSeen = Long.MIN_VALUE;

    public LateGuard(long lagMillis) {
        this.lag = lagMillis;
    }

    /** The sample to pass on (maybe re-stamped and marked late), or null to drop a late heartbeat. */
    public ConnectionSample apply(ConnectionSample s) {
        long t = s.intervalStart();
        if (t >= maxSeen) {
            maxSeen = t;
            return s;
        }
        long floor = maxSeen - lag;
        if (t >= floor) {
            return s;
        }
        if (s.isHeartbeat()) {
            return null;
        }
        long step = s.intervalMillis();
        long restamp = Math.min(maxSeen, Math.floorDiv(floor + step - 1, step) * step);
        return s.lateAt(restamp);
    }
}
