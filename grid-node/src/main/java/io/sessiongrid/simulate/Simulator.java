package io.sessiongrid.simulate;

import io.sessiongrid.config.ScalingConfig;
import io.sessiongrid.forecast.Forecaster;
import io.sessiongrid.forecast.backtest.Trace;
import io.sessiongrid.scaling.HpaPolicy;
import io.sessiongrid.scaling.HpaSettings;
import io.sessiongrid.scaling.PredictivePolicy;
import io.sessiongrid.scaling.PredictiveSettings;
import io.sessiongrid.scaling.ScalingPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Runs the chosen policies over one trace with the same settings: the predictive policy with the configuration's
 * {@code scaling} settings (its horizon is the simulated lead, it decides every tick), and the HPA baseline with
 * Kubernetes' defaults.
 */
public final class Simulator {

    /** Which policies to run. */
    public enum Policies {
        PREDICTIVE, REACTIVE, BOTH;

        boolean predictive() {
            return this != REACTIVE;
        }

        boolean reactive() {
            return this != PREDICTIVE;
        }
    }

    private final ScalingConfig scaling;
    private final Forecaster forecaster;
    private final Function<Trace, List<ForecastSetup>> setup;

    /**
     * A simulator whose forecaster fits each trace with its daily season ({@link ForecastSetup#daily}).
     *
     * @param scaling    the predictive policy's settings (its limits and horizon are the simulation's)
     * @param forecaster the cluster forecaster
     */
    public Simulator(ScalingConfig scaling, Forecaster forecaster) {
        this(scaling, forecaster, t -> List.of(ForecastSetup.daily(t)));
    }

    /**
     * @param scaling    the predictive policy's settings (its limits and horizon are the simulation's)
     * @param forecaster the cluster forecaster
     * @param setup      how it fits each trace (one forecaster per setup: season, history, refits)
     */
    public Simulator(ScalingConfig scaling, Forecaster forecaster, Function<Trace, List<ForecastSetup>> setup) {
        this.scaling = scaling;
        this.forecaster = forecaster;
        this.setup = setup;
    }

    /** The predictive policy's settings in a simulation with {@code settings}. */
    public PredictiveSettings predictiveSettings(SimulationSettings settings) {
        return PredictiveSettings.of(scaling).withLimits(settings.limits())
                .withHorizon(settings.lead()).withDecisionInterval(settings.tick());
    }

    /**
     * Simulates {@code policies} over {@code trace}.
     *
     * @param progress called with the steps forecast so far, now and then
     */
    public Comparison run(Trace trace, SimulationSettings settings, Policies policies, IntConsumer progress) {
        PredictiveSettings predictive = predictiveSettings(settings);
        TraceForecasts forecasts = policies.predictive()
                ? TraceForecasts.compute(trace, forecaster, setup.apply(trace),
                predictive.horizon().plus(predictive.scaleInLookahead()).plus(settings.tick()), progress)
                : null;
        List<SimulationResult> results = new ArrayList<>();
        if (policies.predictive()) {
            SimulatedClock clock = new SimulatedClock(Instant.EPOCH);
            results.add(Simulation.run(trace, forecasts, new PredictivePolicy(predictive, clock), clock, settings));
        }
        if (policies.reactive()) {
            SimulatedClock clock = new SimulatedClock(Instant.EPOCH);
            ScalingPolicy hpa = new HpaPolicy(HpaSettings.defaults(settings.limits()), clock);
            results.add(Simulation.run(trace, forecasts, hpa, clock, settings));
        }
        return new Comparison(trace, settings, forecasts == null ? "none" : forecasts.model(), forecasts, results);
    }

    /**
     * The results of the policies over one trace.
     *
     * @param trace     the trace
     * @param settings  the shared settings
     * @param model     the forecaster's last fitted model ({@code none} for the reactive policy alone)
     * @param forecasts the forecasts the predictive policy saw; null for the reactive policy alone
     * @param results   one per policy run, predictive first
     */
    public record Comparison(Trace trace, SimulationSettings settings, String model, TraceForecasts forecasts,
                             List<SimulationResult> results) {
        public Comparison {
            results = List.copyOf(results);
        }

        /** The result of the policy called {@code name}, or null when it did not run. */
        public SimulationResult result(String name) {
            return results.stream().filter(r -> r.policy().equals(name)).findFirst().orElse(null);
        }
    }
}
