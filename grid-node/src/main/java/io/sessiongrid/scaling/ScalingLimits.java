package io.sessiongrid.scaling;

/**
 * What every policy shares, so that policies compare on equal terms: the capacity of one server, the utilization
 * to aim at, and the fleet's bounds.
 *
 * @param capacityPerServer the demand one server serves at 100 % utilization (requests/s), {@code > 0}
 * @param targetUtilization the share of capacity to aim at, in (0, 1]
 * @param minServers        never fewer servers, {@code >= 1}
 * @param maxServers        never more servers, {@code >= minServers}
 */
public record ScalingLimits(double capacityPerServer, double targetUtilization, int minServers, int maxServers) {
    public ScalingLimits {
        if (!(capacityPerServer > 0) || Double.isInfinite(capacityPerServer)) {
            throw new IllegalArgumentException("capacityPerServer must be a number > 0, got " + capacityPerServer);
        }
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException("targetUtilization must be in (0, 1], got " + targetUtilization);
        }
        if (minServers < 1 || maxServers < minServers) {
            throw new IllegalArgumentException("need 1 <= minServers <= maxServers, got " + minServers + " and "
                    + maxServers);
        }
    }

    /** Servers for {@code demand} at {@code utilization} of their capacity (at least 0). */
    public int serversFor(double demand, double utilization) {
        return (int) Math.max(0, Math.ceil(demand / (capacityPerServer * utilization) - 1e-9));
    }

    /** {@code n} clamped into [{@code max(minServers, floor)}, {@code maxServers}]. */
    public int clamp(int n, int floor) {
        return Math.min(maxServers, Math.max(n, Math.max(minServers, floor)));
    }
}
