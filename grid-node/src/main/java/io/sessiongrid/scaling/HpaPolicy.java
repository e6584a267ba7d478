package io.sessiongrid.scaling;

import io.sessiongrid.scaling.ScalingDecision.Hold;
import io.sessiongrid.scaling.ScalingDecision.ScaleOut;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The reactive baseline: the Kubernetes Horizontal Pod Autoscaler's algorithm on a utilization metric, as its
 * documentation and controller describe it, with the knobs of {@link HpaSettings}. It sees only the demand of now
 * (no forecast). Per sync period:
 * <ol>
 *   <li>utilization = demand / (ready servers &times; capacity); ratio = utilization / target. Within the
 *       tolerance: recommend the current replicas (ready plus pending, the StatefulSet's {@code spec.replicas}).</li>
 *   <li>Otherwise {@code desired = ceil(current × ratio)}, with the controller's rule for pods without metrics
 *       (pending ones): on a scale-up they count as 0 % used, on a scale-down as 100 % of target; if that rule
 *       makes the change vanish or reverse, recommend the current replicas.</li>
 *   <li>Scale-down stabilization: the highest recommendation of the window wins. Scale-up rate limit:
 *       at most {@code max(current × (1 + upPercent/100), current + upPods)}. Then min/max and the manual floor.</li>
 * </ol>
 * Keeps the recommendations of the stabilization window in memory, as the controller does; call from one thread.
 */
public final class HpaPolicy implements ScalingPolicy {

    public static final String NAME = "reactive";

    private final HpaSettings settings;
    private final Clock clock;
    private final Deque<Recommendation> recommendations = new ArrayDeque<>();
    private Instant lastSync;

    public HpaPolicy(HpaSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ScalingDecision decide(ScalingInputs in) {
        Instant now = clock.instant();
        if (lastSync != null && now.isBefore(lastSync.plus(settings.syncPeriod()))) {
            return new Hold("between HPA syncs (every " + settings.syncPeriod().toSeconds() + " s)");
        }
        lastSync = now;
        ScalingLimits limits = settings.limits();
        int ready = (int) in.count(ServerState.READY);
        int pending = (int) in.count(ServerState.PENDING);
        int current = ready + pending;
        int raw = recommend(in.demand(), ready, pending, current);

        recommendations.addLast(new Recommendation(now, raw));
        while (recommendations.peekFirst().at().isBefore(now.minus(settings.downStabilization()))) {
            recommendations.removeFirst();
        }
        int desired = raw;
        if (raw < current) {
            int highest = recommendations.stream().mapToInt(Recommendation::replicas).max().orElse(raw);
            desired = Math.min(current, highest);
        } else if (raw > current) {
            int limit = (int) Math.max(Math.floor(current * (1 + settings.upPercent() / 100.0)),
                    current + settings.upPods());
            desired = Math.min(raw, limit);
        }
        desired = limits.clamp(desired, in.floor());
        String why = String.format(Locale.ROOT, "utilization %.0f%% of %d ready against target %.0f%%: "
                        + "recommend %d, stabilized %d, have %d", 100 * utilization(in.demand(), ready),
                ready, 100 * limits.targetUtilization(), raw, desired, current);
        if (desired > current) {
            return new ScaleOut(desired - current, why);
        }
        if (desired < current) {
            return ScalingDecision.scaleInOrHold(in.cheapestToRetire(current - desired), why);
        }
        return new Hold(why);
    }

    private int recommend(double demand, int ready, int pending, int current) {
        ScalingLimits limits = settings.limits();
        if (ready == 0) {
            return current > 0 ? current : limits.serversFor(demand, limits.targetUtilization());
        }
        double ratio = utilization(demand, ready) / limits.targetUtilization();
        if (Math.abs(ratio - 1) <= settings.tolerance()) {
            return current;
        }
        if (pending == 0) {
            return (int) Math.ceil(current * ratio - 1e-9);
        }
        // Pods without metrics: 0 % on a scale-up, 100 % of target on a scale-down (the controller's rule).
        double capacity = current * limits.capacityPerServer();
        double usage = ratio > 1 ? demand : demand + pending * limits.capacityPerServer() * limits.targetUtilization();
        double adjusted = usage / capacity / limits.targetUtilization();
        if (Math.abs(adjusted - 1) <= settings.tolerance() || (adjusted > 1) != (ratio > 1)) {
            return current;
        }
        return (int) Math.ceil(current * adjusted - 1e-9);
    }

    private double utilization(double demand, int ready) {
        return ready == 0 ? Double.POSITIVE_INFINITY : demand / (ready * settings.limits().capacityPerServer());
    }

    private record Recommendation(Instant at, int replicas) {
    }
}
