package io.sessiongrid.scaling;

import io.sessiongrid.config.ScalingConfig;

import java.time.Duration;
import java.util.Objects;

/**
 * The predictive policy's settings.
 *
 * @param limits             capacity, target utilization and bounds (shared with the baseline)
 * @param horizon            provisioning time plus warm-up time: how far ahead a scale-out must look
 * @param decisionInterval   how often the policy decides (a scale-out covers the horizon plus one interval: the
 *                           next chance to correct it)
 * @param scaleInUtilization scale in only when the forecast peak would load the fleet as it is at or below this
 *                           share of its capacity, in (0, targetUtilization): the hysteresis band (the fleet is
 *                           then sized for the target, as on a scale-out)
 * @param scaleInLookahead   how far past the horizon a scale-in must stay safe (it takes a horizon to undo)
 * @param cooldown           the least time after any scaling action before a scale-in; scale-outs never wait
 * @param maxStep            the most servers one decision adds or removes
 * @param errorWidening      the upper bound is at least {@code mean * (1 + errorWidening * recentError)}: a
 *                           forecast that has recently been wrong gets a wider margin than its model claims
 */
public record PredictiveSettings(ScalingLimits limits, Duration horizon, Duration decisionInterval,
                                 double scaleInUtilization, Duration scaleInLookahead, Duration cooldown, int maxStep,
                                 double errorWidening) {

    /** The default look-ahead past the horizon for a scale-in. */
    public static final Duration DEFAULT_SCALE_IN_LOOKAHEAD = Duration.ofMinutes(5);
    /** The default widening by recent error: twice the mean relative error. */
    public static final double DEFAULT_ERROR_WIDENING = 2.0;

    public PredictiveSettings {
        Objects.requireNonNull(limits, "limits");
        if (horizon.isNegative() || decisionInterval.isNegative() || decisionInterval.isZero() || scaleInLookahead.isNegative()
                || cooldown.isNegative()) {
            throw new IllegalArgumentException("horizon, scaleInLookahead and cooldown must be >= 0 and "
                    + "decisionInterval > 0; got " + horizon + ", " + scaleInLookahead + ", " + cooldown + ", "
                    + decisionInterval);
        }
        if (!(scaleInUtilization > 0 && scaleInUtilization < limits.targetUtilization())) {
            throw new IllegalArgumentException("scaleInUtilization must be in (0, targetUtilization "
                    + limits.targetUtilization() + "), got " + scaleInUtilization);
        }
        if (maxStep < 1 || !(errorWidening >= 0)) {
            throw new IllegalArgumentException("maxStep must be >= 1 and errorWidening >= 0, got " + maxStep + ", "
                    + errorWidening);
        }
    }

    /** The settings of the configuration's {@code scaling} section. */
    public static PredictiveSettings of(ScalingConfig c) {
        return new PredictiveSettings(
                new ScalingLimits(c.capacityPerServer(), c.targetUtilization(), c.minMembers(), c.maxMembers()),
                c.provisioningTime().plus(c.warmUpTime()), c.decisionInterval(), c.scaleInUtilization(),
                DEFAULT_SCALE_IN_LOOKAHEAD, c.cooldown(), c.maxStep(), DEFAULT_ERROR_WIDENING);
    }

    /** These settings with another horizon (the engine's, once it has measured provisioning time). */
    public PredictiveSettings withHorizon(Duration newHorizon) {
        return new PredictiveSettings(limits, newHorizon, decisionInterval, scaleInUtilization, scaleInLookahead,
                cooldown, maxStep, errorWidening);
    }

    /** These settings with other limits (keeping the scale-in threshold's distance below the target). */
    public PredictiveSettings withLimits(ScalingLimits newLimits) {
        double gap = limits.targetUtilization() - scaleInUtilization;
        return new PredictiveSettings(newLimits, horizon, decisionInterval,
                Math.max(newLimits.targetUtilization() / 2, newLimits.targetUtilization() - gap), scaleInLookahead,
                cooldown, maxStep, errorWidening);
    }

    /** These settings with another decision interval. */
    public PredictiveSettings withDecisionInterval(Duration interval) {
        return new PredictiveSettings(limits, horizon, interval, scaleInUtilization, scaleInLookahead, cooldown,
                maxStep, errorWidening);
    }
}
