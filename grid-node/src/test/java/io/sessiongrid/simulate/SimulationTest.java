package io.sessiongrid.simulate;

import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.forecast.Forecasters;
import io.sessiongrid.forecast.backtest.Trace;
import io.sessiongrid.scaling.HpaPolicy;
import io.sessiongrid.scaling.HpaSettings;
import io.sessiongrid.scaling.PredictivePolicy;
import io.sessiongrid.scaling.ScalingLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationTest {

    /** Ten days of 5-minute steps: a daily cycle with a steep morning ramp (100 to 1000 in 30 minutes). */
    private static Trace dailyRamps() {
        int perDay = 288;
        double[] y = new double[10 * perDay];
        for (int i = 0; i < y.length; i++) {
            int t = i % perDay;
            double ramp = t < 96 ? 100 : t < 102 ? 100 + 150.0 * (t - 95) : t < 216 ? 1000 : 300;
            y[i] = ramp + 5 * Math.sin(i * 0.7);
        }
        return new Trace("daily.csv", 300, y, y.length, 0);
    }

    @Test
    void theForecastAtAStepSeesOnlyThePast() {
        Trace trace = dailyRamps();
        double[] altered = trace.values();
        int k = altered.length - 100;
        for (int i = k + 1; i < altered.length; i++) {
            altered[i] = 5000; // the future changes completely
        }
        Trace future = new Trace("altered.csv", 300, altered, altered.length, 0);
        TraceForecasts a = TraceForecasts.compute(trace, Forecasters.holtWinters(), Duration.ofMinutes(10), s -> { });
        TraceForecasts b = TraceForecasts.compute(future, Forecasters.holtWinters(), Duration.ofMinutes(10), s -> { });
        assertEquals(a.at(k), b.at(k), "the forecast made at step k is the same whatever comes after k");
    }

    @Test
    void forecastsRepeatRunToRun() {
        // Refits run inline: two runs over the same trace see the same forecast at every step (they did not
        // when a background thread's timing decided which step took a refit).
        Trace trace = dailyRamps();
        TraceForecasts a = TraceForecasts.compute(trace, Forecasters.holtWinters(), Duration.ofMinutes(10), s -> { });
        TraceForecasts b = TraceForecasts.compute(trace, Forecasters.holtWinters(), Duration.ofMinutes(10), s -> { });
        for (int k = 0; k < trace.length(); k++) {
            assertEquals(a.at(k), b.at(k), "step " + k);
        }
    }

    @Test
    void theLiveSetupFitsWithoutASeasonOverTheAnalyzersHistory() {
        Trace trace = dailyRamps();
        assertEquals(new ForecastSetup(288, 2880, 288, 4, "daily"), ForecastSetup.daily(trace));
        assertEquals(new ForecastSetup(288, 2880, 288, 576, "seasonal"), ForecastSetup.seasonal(trace, 720));
        ForecastSetup live = ForecastSetup.live(720);
        assertEquals(1, live.season());
        assertEquals(720, live.history());
        TraceForecasts f = TraceForecasts.compute(trace, Forecasters.holtWinters(), live, Duration.ofMinutes(10),
                s -> { });
        assertEquals(720, f.at(trace.length() - 1).historyPoints(), "it keeps the analyzer's history, no more");
    }

    @Test
    void theLiveSetupAddsTheSeasonalForecastsPointsOnceTwoSeasonsAreIn() {
        Trace trace = dailyRamps();
        TraceForecasts f = TraceForecasts.compute(trace, Forecasters.holtWinters(),
                List.of(ForecastSetup.live(720), ForecastSetup.seasonal(trace, 720)), Duration.ofMinutes(10), s -> { });
        int steps = f.at(0 + 10).mean().length;
        assertEquals(steps, f.points(574).size(), "575 points seen: the short-term forecast alone");
        assertEquals(2 * steps, f.points(575).size(), "576 points, two days: both");
        assertTrue(f.model().contains("seasonal: holt_winters(m=288"), f.model());
    }

    @Test
    void accountingOfAFleetThatNeverChanges() {
        // 200/s on servers of 100/s at most 2: the HPA wants 3 at 70 %, but max 2 holds it; 2 servers for 10 hours.
        double[] y = new double[120];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 2 == 0 ? 200 : 199;
        }
        Trace flat = new Trace("flat.csv", 300, y, y.length, 0);
        SimulationSettings settings = new SimulationSettings(new ScalingLimits(100, 0.7, 2, 2), Duration.ofMinutes(2),
                Duration.ofSeconds(15));
        SimulatedClock clock = new SimulatedClock(Instant.EPOCH);
        SimulationResult r = Simulation.run(flat, null, new HpaPolicy(HpaSettings.defaults(settings.limits()), clock),
                clock, settings);
        assertEquals(20.0, r.memberHours(), 1e-9);
        assertEquals(0, r.scalingActions());
        assertEquals(0, r.underprovisionedMinutes(), 1e-9, "200 fits 2 x 100 exactly");
        assertEquals(600, r.sloMinutes(), 1e-9, "always above 70 %");
    }

    @Test
    void predictiveMeetsTheRampsThatTheReactiveBaselineMisses() {
        Trace trace = dailyRamps();
        SimulationSettings settings = new SimulationSettings(
                new ScalingLimits(SimulationSettings.defaultCapacity(trace), 0.7, 1, 64), Duration.ofMinutes(2),
                Duration.ofSeconds(15));
        Simulator simulator = new Simulator(SessionGridConfigLoader.defaults().scaling(), Forecasters.holtWinters());
        Simulator.Comparison c = simulator.run(trace, settings, Simulator.Policies.BOTH, s -> { });
        SimulationResult p = c.result(PredictivePolicy.NAME);
        SimulationResult r = c.result(HpaPolicy.NAME);
        assertTrue(r.underprovisionedMinutes() > 0, "the ramp outruns a reactive fleet with a 2-minute lead");
        assertTrue(p.underprovisionedMinutes() < r.underprovisionedMinutes(),
                "predictive " + p.underprovisionedMinutes() + " vs reactive " + r.underprovisionedMinutes());
        assertTrue(p.memberHours() > 0 && r.memberHours() > 0);
    }
}
