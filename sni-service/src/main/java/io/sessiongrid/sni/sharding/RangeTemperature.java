package io.sessiongrid.sni.sharding;

import java.time.Duration;

/**
 * Classifies a chunk by the time of its last activity (allocation, release, reservation, heartbeat).
 *
 * @param hotWindow activity younger than this is {@link Temperature#HOT}
 * @param coldAfter activity older than this is {@link Temperature#COLD}
 */
public record RangeTemperature(Duration hotWindow, Duration coldAfter) {
    public RangeTemperature {
        if (hotWindow.compareTo(coldAfter) > 0) {
            throw new IllegalArgumentException("hotWindow " + hotWindow + " must not exceed coldAfter " + coldAfter);
        }
    }

    /** Hot within a quarter of the idle timeout, cold after the idle timeout. */
    public static RangeTemperature forIdleTimeout(Duration idleTimeout) {
        return new RangeTemperature(idleTimeout.dividedBy(4), idleTimeout);
    }

    public Temperature classify(long lastActivityMillis, long nowMillis) {
        long age = nowMillis - lastActivityMillis;
        if (age < hotWindow.toMillis()) {
            return Temperature.HOT;
        }
        return age > coldAfter.toMillis() ? Temperature.COLD : Temperature.WARM;
    }
}
