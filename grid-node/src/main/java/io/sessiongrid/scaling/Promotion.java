package io.sessiongrid.scaling;

import io.sessiongrid.config.ScalingConfig;

/**
 * When new capacity, which joins as lite members (no partitions, so no migration storm on join), becomes data
 * members: pure. Promoting starts partition migration at once, so {@code trough} waits for a forecast trough.
 */
public final class Promotion {

    private Promotion() {
    }

    /**
     * Whether to promote one lite server now.
     *
     * @param mode          the configured mode
     * @param peakMean      the peak point forecast over the horizon (requests/s)
     * @param readyServers  ready servers now
     * @param limits        capacity per server
     * @param troughUtilization below this predicted utilization the cluster is in a trough (the scale-in threshold)
     */
    public static boolean promoteNow(ScalingConfig.Promotion mode, double peakMean, int readyServers,
                                     ScalingLimits limits, double troughUtilization) {
        return switch (mode) {
            case IMMEDIATE -> true;
            case NEVER -> false;
            case TROUGH -> readyServers > 0
                    && peakMean <= troughUtilization * readyServers * limits.capacityPerServer();
        };
    }
}
