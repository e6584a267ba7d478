package io.sessiongrid.scaling;

import java.time.Duration;
import java.util.Objects;

/**
 * The Kubernetes Horizontal Pod Autoscaler's knobs (autoscaling/v2). {@link #defaults} gives the documented
 * defaults: tolerance 0.1, sync every 15 s, scale-down stabilization 300 s and at most 100 % per 15 s, scale-up
 * without stabilization and at most max(100 %, 4 pods) per 15 s.
 *
 * @param limits             capacity, target utilization and bounds (shared with the predictive policy)
 * @param tolerance          no change while {@code |utilization / target - 1| <= tolerance}
 * @param syncPeriod         how often the controller evaluates ({@code --horizontal-pod-autoscaler-sync-period})
 * @param downStabilization  scale down only to the highest recommendation of this window
 * @param upPercent          scale up by at most this percentage of current replicas per period ...
 * @param upPods             ... or this many pods, whichever is more
 */
public record HpaSettings(ScalingLimits limits, double tolerance, Duration syncPeriod, Duration downStabilization,
                          int upPercent, int upPods) {

    public HpaSettings {
        Objects.requireNonNull(limits, "limits");
        if (!(tolerance >= 0) || syncPeriod.isNegative() || syncPeriod.isZero() || downStabilization.isNegative() || upPercent < 0
                || upPods < 0) {
            throw new IllegalArgumentException("HPA settings out of range: tolerance " + tolerance + ", sync "
                    + syncPeriod + ", stabilization " + downStabilization + ", up " + upPercent + "% / " + upPods);
        }
    }

    /** Kubernetes' documented defaults with these limits. */
    public static HpaSettings defaults(ScalingLimits limits) {
        return new HpaSettings(limits, 0.1, Duration.ofSeconds(15), Duration.ofSeconds(300), 100, 4);
    }
}
