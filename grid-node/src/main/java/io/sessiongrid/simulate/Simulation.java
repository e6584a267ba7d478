package io.sessiongrid.simulate;

import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.forecast.backtest.Trace;
import io.sessiongrid.scaling.ForecastErrorTracker;
import io.sessiongrid.scaling.ForecastPoint;
import io.sessiongrid.scaling.HealthAggregate;
import io.sessiongrid.scaling.ScalingDecision;
import io.sessiongrid.scaling.ScalingInputs;
import io.sessiongrid.scaling.ScalingPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Replays one trace through one policy (see the package comment for the model). Every tick: servers whose lead
 * has passed become ready; the tick is accounted (under-provisioned if demand exceeds ready capacity, an SLO
 * minute if it exceeds the target share of it, every requested server paid); then the policy decides and the
 * fleet follows at once. The fleet starts with the servers the first value needs at the target utilization.
 */
public final class Simulation {

    private Simulation() {
    }

    /**
     * Runs {@code policy}, which must read time from {@code clock}, over {@code trace}.
     *
     * @param forecasts the trace's forecasts ({@link TraceForecasts#compute}); null for a reactive policy alone
     */
    public static SimulationResult run(Trace trace, TraceForecasts forecasts, ScalingPolicy policy,
                                       SimulatedClock clock, SimulationSettings settings) {
        double[] y = trace.values();
        Duration step = Duration.ofMillis(Math.round(trace.stepSeconds() * 1000));
        Duration tick = settings.tick();
        double tickMinutes = tick.toMillis() / 60_000.0;
        double capacity = settings.limits().capacityPerServer();
        double target = settings.limits().targetUtilization();
        Instant start = Instant.EPOCH;
        Instant end = start.plus(step.multipliedBy(y.length));

        SimulatedFleet fleet = new SimulatedFleet(settings.lead());
        fleet.warmStart(settings.limits().clamp(settings.limits().serversFor(y[0], target), 0), start);
        ForecastErrorTracker errors = new ForecastErrorTracker(ForecastErrorTracker.DEFAULT_WINDOW);
        double[] readyCapacity = new double[y.length];
        Optional<Instant> lastOut = Optional.empty();
        Optional<Instant> lastIn = Optional.empty();
        List<ForecastPoint> points = List.of();
        double under = 0;
        double slo = 0;
        double serverMinutes = 0;
        int actions = 0;
        int peak = fleet.total();
        int k = -1;
        for (Instant now = start; now.isBefore(end); now = now.plus(tick)) {
            clock.set(now);
            int stepNow = (int) (Duration.between(start, now).toMillis() / step.toMillis());
            if (stepNow != k) {
                k = stepNow;
                ClusterForecast f = forecasts == null ? null : forecasts.at(k);
                points = forecasts == null ? List.of() : forecasts.points(k);
                if (f != null) {
                    errors.add(f.lastErrorPct() / 100);
                }
                readyCapacity[k] = fleet.ready(now) * capacity;
            }
            double demand = y[k];
            int ready = fleet.ready(now);
            if (demand > ready * capacity * (1 + 1e-9)) {
                under += tickMinutes;
            }
            if (demand > ready * capacity * target * (1 + 1e-9)) {
                slo += tickMinutes;
            }
            serverMinutes += fleet.total() * tickMinutes;

            ScalingInputs inputs = new ScalingInputs(Math.max(0, demand), points, errors.recent(),
                    HealthAggregate.NONE, fleet.views(now, demand), lastOut, lastIn, 0);
            ScalingDecision decision = policy.decide(inputs);
            if (decision instanceof ScalingDecision.ScaleOut out) {
                fleet.request(out.servers(), now);
                lastOut = Optional.of(now);
                actions++;
            } else if (decision instanceof ScalingDecision.ScaleIn in) {
                fleet.retire(in.servers());
                lastIn = Optional.of(now);
                actions++;
            }
            peak = Math.max(peak, fleet.total());
        }
        return new SimulationResult(policy.name(), under, slo, serverMinutes / 60, actions, peak, readyCapacity);
    }
}
