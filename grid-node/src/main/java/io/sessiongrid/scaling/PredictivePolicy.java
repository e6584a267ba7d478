package io.sessiongrid.scaling;

import io.sessiongrid.scaling.ScalingDecision.Hold;
import io.sessiongrid.scaling.ScalingDecision.ScaleOut;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Forecast-driven scaling: the fleet is sized for the demand forecast over the time a new server needs to become
 * useful, not for the demand of now. Stateless: the same inputs at the same time give the same decision.
 *
 * <p>Each decision, in this order:
 * <ol>
 *   <li><b>Bounds.</b> Below {@code max(minServers, floor)}: scale out to it. Above {@code maxServers}: scale in.</li>
 *   <li><b>Scale-out threshold.</b> Over the window {@code [now, now + horizon + decisionInterval]} (what is ordered
 *       now is ready after the horizon, and the next decision can correct it one interval later), take the peak
 *       point forecast and the peak upper bound, where each upper bound is widened to at least
 *       {@code mean * (1 + errorWidening * recentError)}; observed demand and the health aggregate's retained usage
 *       count as points too. Needed servers = the more of {@code ceil(peakMean / (capacity * targetUtilization))}
 *       (keep the expected load at the target) and {@code ceil(peakUpper / capacity)} (keep even the upper bound
 *       within capacity, so trend and uncertainty raise the threshold). If that exceeds ready plus pending servers,
 *       scale out by the difference, at most {@code maxStep}. Scale-outs never wait for the cooldown: pending
 *       servers count as capacity, so they cannot be ordered twice, and a late scale-out is the costly error.</li>
 *   <li><b>Cooldown.</b> Within {@code cooldown} of the last action: hold.</li>
 *   <li><b>Scale-in threshold, lower.</b> Over the longer window {@code [now, now + horizon + scaleInLookahead]}
 *       (a removed server takes a horizon to come back), take the peaks again. Scale in only when the peak mean
 *       would load the fleet as it is (ready plus pending) at or below {@code scaleInUtilization}; then size it as
 *       a scale-out does, for the target: the fewest servers that keep the peak mean at or below
 *       {@code targetUtilization} and the peak upper bound within capacity. Retire the difference, at most
 *       {@code maxStep}, the cheapest retirable ones first (pending, then least predicted load); hold, saying so,
 *       when no server may be retired. This is the HPA's split (its tolerance decides whether to act, its target
 *       how far): the band between {@code scaleInUtilization} and {@code targetUtilization} is the hysteresis
 *       that keeps the fleet from flapping, and the fleet runs inside it rather than at its bottom.</li>
 * </ol>
 * With no forecast (the forecaster warming up) the observed demand is the only point: the policy is then
 * reactive, with the same thresholds.
 */
public final class PredictivePolicy implements ScalingPolicy {

    public static final String NAME = "predictive";

    private final PredictiveSettings settings;
    private final Clock clock;

    public PredictivePolicy(PredictiveSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    public PredictiveSettings settings() {
        return settings;
    }

    @Override
    public ScalingDecision decide(ScalingInputs in) {
        Instant now = clock.instant();
        ScalingLimits limits = settings.limits();
        int committed = in.committed();
        int low = limits.clamp(0, in.floor());
        if (committed < low) {
            return new ScaleOut(Math.min(low - committed, settings.maxStep()),
                    "below the minimum of " + low + " servers (have " + committed + ")");
        }
        if (committed > limits.maxServers()) {
            int n = Math.min(committed - limits.maxServers(), settings.maxStep());
            return ScalingDecision.scaleInOrHold(in.cheapestToRetire(n), "above the maximum of " + limits.maxServers()
                    + " servers (have " + committed + ")");
        }

        Peak out = Peak.of(in, now.plus(settings.horizon()).plus(settings.decisionInterval()),
                settings.errorWidening());
        int needed = limits.clamp(Math.max(limits.serversFor(out.mean, limits.targetUtilization()),
                limits.serversFor(out.upper, 1.0)), in.floor());
        if (needed > committed) {
            return new ScaleOut(Math.min(needed - committed, settings.maxStep()), String.format(Locale.ROOT,
                    "forecast peak %.4g (upper %.4g) within %s needs %d servers at %.0f%% target, have %d",
                    out.mean, out.upper, human(settings.horizon().plus(settings.decisionInterval())), needed,
                    100 * limits.targetUtilization(), committed));
        }

        if (in.lastAction().isPresent() && now.isBefore(in.lastAction().get().plus(settings.cooldown()))) {
            return new Hold("cooldown until " + in.lastAction().get().plus(settings.cooldown())
                    + "; " + committed + " servers cover the forecast");
        }
        Duration inWindow = settings.horizon().plus(settings.scaleInLookahead());
        Peak stay = Peak.of(in, now.plus(inWindow), settings.errorWidening());
        double committedCapacity = committed * limits.capacityPerServer();
        // Whether to act: the fleet as it is would run under the scale-in threshold. How far: to the target, as
        // for a scale-out (sizing at the threshold would park the fleet at the band's bottom for good).
        int keep = limits.clamp(Math.max(limits.serversFor(stay.mean, limits.targetUtilization()),
                limits.serversFor(stay.upper, 1.0)), in.floor());
        if (stay.mean <= committedCapacity * settings.scaleInUtilization() && keep < committed) {
            int n = Math.min(committed - keep, settings.maxStep());
            return ScalingDecision.scaleInOrHold(in.cheapestToRetire(n), String.format(Locale.ROOT,
                    "forecast peak %.4g (upper %.4g) within %s loads %d servers %.0f%%, under the %.0f%% scale-in "
                            + "threshold; %d servers carry it at the %.0f%% target",
                    stay.mean, stay.upper, human(inWindow), committed, 100 * stay.mean / committedCapacity,
                    100 * settings.scaleInUtilization(), keep, 100 * limits.targetUtilization()));
        }
        return new Hold(String.format(Locale.ROOT, "%d servers cover forecast peak %.4g (upper %.4g)",
                committed, out.mean, out.upper));
    }

    /** The peak point forecast and the peak widened upper bound over the points that start before {@code until}. */
    private record Peak(double mean, double upper) {
        static Peak of(ScalingInputs in, Instant until, double errorWidening) {
            double floor = Math.max(in.demand(), in.health().retainedUsage());
            double mean = floor;
            double upper = floor;
            double widen = 1 + errorWidening * in.recentError();
            List<ForecastPoint> points = in.forecast();
            for (ForecastPoint p : points) {
                if (!p.at().isBefore(until)) {
                    continue;
                }
                mean = Math.max(mean, p.mean());
                upper = Math.max(upper, Math.max(p.upper(), p.mean() * widen));
            }
            return new Peak(mean, upper);
        }
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? (s / 60) + "m" : s + "s";
    }
}
