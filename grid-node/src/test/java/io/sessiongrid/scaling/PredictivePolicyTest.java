package io.sessiongrid.scaling;

import io.sessiongrid.scaling.ScalingDecision.Hold;
import io.sessiongrid.scaling.ScalingDecision.ScaleIn;
import io.sessiongrid.scaling.ScalingDecision.ScaleOut;
import io.sessiongrid.simulate.SimulatedClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.sessiongrid.scaling.PolicyFixtures.T0;
import static io.sessiongrid.scaling.PolicyFixtures.inputs;
import static io.sessiongrid.scaling.PolicyFixtures.point;
import static io.sessiongrid.scaling.PolicyFixtures.ready;
import static io.sessiongrid.scaling.PolicyFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PredictivePolicyTest {

    private final PredictivePolicy policy = new PredictivePolicy(settings(), Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void scalesOutForTheForecastAtTheHorizonWhileDemandStillFits() {
        // 100/s on 2 servers is 50 %: a reactive policy holds. The forecast says 300/s (upper 330) in 90 s.
        ScalingDecision d = policy.decide(inputs(100, List.of(point(T0.plusSeconds(90), 300, 330)), ready(2, 100)));
        ScaleOut out = assertInstanceOf(ScaleOut.class, d);
        assertEquals(3, out.servers(), "ceil(300 / 70) = 5 servers needed, 2 there");
        assertTrue(out.reason().contains("needs 5 servers"), out.reason());
    }

    @Test
    void theUpperBoundRaisesTheThreshold() {
        // Mean 300 needs 5 at 70 %; the upper bound 800 needs 8 at 100 %.
        ScaleOut out = assertInstanceOf(ScaleOut.class,
                policy.decide(inputs(100, List.of(point(T0.plusSeconds(60), 300, 800)), ready(6, 100))));
        assertEquals(2, out.servers());
    }

    @Test
    void recentForecastErrorWidensTheUpperBound() {
        List<ForecastPoint> f = List.of(point(T0.plusSeconds(60), 140, 150));
        assertInstanceOf(Hold.class, policy.decide(inputs(100, f, ready(2, 100))), "140 fits 2 servers at 70 %");
        ScalingInputs erring = new ScalingInputs(100, f, 0.5, HealthAggregate.NONE, ready(2, 100), Optional.empty(),
                Optional.empty(), 0);
        ScaleOut out = assertInstanceOf(ScaleOut.class, policy.decide(erring));
        assertEquals(1, out.servers(), "upper widened to 140 * (1 + 2 * 0.5) = 280 needs 3 servers");
    }

    @Test
    void aForecastBeyondTheHorizonDoesNotScaleOut() {
        ScalingDecision d = policy.decide(inputs(100, List.of(point(T0.plus(Duration.ofMinutes(5)), 900, 950)),
                ready(2, 100)));
        assertInstanceOf(Hold.class, d, "2 min horizon + 15 s interval: a peak 5 min out is the next decisions' job");
    }

    @Test
    void hysteresisHoldsBetweenTheScaleInAndScaleOutThresholds() {
        // 280/s on 5 servers is 56 %: above the 55 % scale-in threshold, so hold, though 4 would carry it at 70 %.
        assertInstanceOf(Hold.class, policy.decide(inputs(280, List.of(), ready(5, 280))));
        // 270/s is 54 %, under the threshold: scale in, to the 4 servers that carry it at the target (67.5 %).
        ScaleIn in = assertInstanceOf(ScaleIn.class, policy.decide(inputs(270, List.of(), ready(5, 270))));
        assertEquals(1, in.servers().size());
        assertTrue(in.reason().contains("4 servers carry it at the 70% target"), in.reason());
    }

    @Test
    void aScaleInSizesTheFleetForTheTargetNotForTheThreshold() {
        // 300/s on 8 servers is 37.5 %. Sized for the 55 % threshold it would keep 6 servers (50 %) and sit at the
        // bottom of the band; sized for the 70 % target, as a scale-out is, it keeps 5 (60 %): 3 go.
        ScaleIn in = assertInstanceOf(ScaleIn.class, policy.decide(inputs(300, List.of(), ready(8, 300))));
        assertEquals(3, in.servers().size(), in.reason());
        // The next decision does not undo it: 300/s on 5 servers is under the target, so no scale-out, and above
        // the scale-in threshold, so no further scale-in.
        assertInstanceOf(Hold.class, policy.decide(inputs(300, List.of(), ready(5, 300))));
    }

    @Test
    void aScaleInKeepsTheUpperBoundWithinCapacity() {
        // Mean 200/s on 8 servers is 25 %: under the threshold, and 3 servers carry the mean at 70 %; but the upper
        // bound 550/s needs 6 at 100 %, so only 2 go.
        List<ForecastPoint> f = List.of(point(T0.plus(Duration.ofMinutes(4)), 200, 550));
        ScaleIn in = assertInstanceOf(ScaleIn.class, policy.decide(inputs(150, f, ready(8, 150))));
        assertEquals(2, in.servers().size(), in.reason());
    }

    @Test
    void scaleInLooksAheadFurtherThanTheHorizon() {
        // Demand is low now, but the forecast rises 8 minutes out: removing servers now would have to be undone.
        List<ForecastPoint> f = List.of(point(T0.plus(Duration.ofMinutes(8)), 350, 380));
        assertInstanceOf(Hold.class, policy.decide(inputs(50, f, ready(6, 50))));
    }

    @Test
    void cooldownDelaysScaleInButNeverScaleOut() {
        ScalingInputs justScaled = new ScalingInputs(50, List.of(), 0, HealthAggregate.NONE, ready(4, 50),
                Optional.of(T0.minusSeconds(30)), Optional.empty(), 0);
        Hold hold = assertInstanceOf(Hold.class, policy.decide(justScaled));
        assertTrue(hold.reason().startsWith("cooldown"), hold.reason());

        ScalingInputs later = new ScalingInputs(50, List.of(), 0, HealthAggregate.NONE, ready(4, 50),
                Optional.of(T0.minusSeconds(61)), Optional.empty(), 0);
        assertInstanceOf(ScaleIn.class, policy.decide(later));

        ScalingInputs surge = new ScalingInputs(50, List.of(point(T0.plusSeconds(60), 400, 420)), 0,
                HealthAggregate.NONE, ready(4, 50), Optional.of(T0.minusSeconds(5)), Optional.of(T0.minusSeconds(5)), 0);
        assertInstanceOf(ScaleOut.class, policy.decide(surge));
    }

    @Test
    void aScaleOutIsBoundedByTheMaximumStepAndMaxServers() {
        ScaleOut step = assertInstanceOf(ScaleOut.class,
                policy.decide(inputs(100, List.of(point(T0.plusSeconds(60), 600, 650)), ready(2, 100))));
        assertEquals(4, step.servers(), "9 needed, 2 there, at most 4 per decision");

        ScaleOut capped = assertInstanceOf(ScaleOut.class,
                policy.decide(inputs(100, List.of(point(T0.plusSeconds(60), 5000, 5000)), ready(8, 100))));
        assertEquals(2, capped.servers(), "max 10 servers");
        assertInstanceOf(Hold.class,
                policy.decide(inputs(100, List.of(point(T0.plusSeconds(60), 5000, 5000)), ready(10, 100))));
    }

    @Test
    void minServersAndTheManualFloorHold() {
        ScaleOut fromNothing = assertInstanceOf(ScaleOut.class, policy.decide(inputs(0, List.of(), List.of())));
        assertEquals(1, fromNothing.servers());
        assertInstanceOf(Hold.class, policy.decide(inputs(0, List.of(), ready(1, 0))), "never below min 1");

        ScalingInputs floored = new ScalingInputs(0, List.of(), 0, HealthAggregate.NONE, ready(3, 0),
                Optional.empty(), Optional.empty(), 5);
        assertEquals(2, assertInstanceOf(ScaleOut.class, policy.decide(floored)).servers());
        ScalingInputs atFloor = new ScalingInputs(0, List.of(), 0, HealthAggregate.NONE, ready(5, 0),
                Optional.empty(), Optional.empty(), 5);
        assertInstanceOf(Hold.class, policy.decide(atFloor), "a manual floor is a floor for scale-in too");
    }

    @Test
    void scaleInRetiresPendingServersFirstThenTheLeastLoaded() {
        List<ServerView> servers = List.of(
                new ServerView("busy", ServerState.READY, 40, 40),
                new ServerView("quiet", ServerState.READY, 5, 5),
                new ServerView("mid", ServerState.READY, 20, 20),
                new ServerView("booting", ServerState.PENDING, 0, 0),
                new ServerView("leaving", ServerState.DRAINING, 1, 1));
        ScaleIn in = assertInstanceOf(ScaleIn.class, policy.decide(inputs(65, List.of(), servers)));
        assertEquals(List.of("booting", "quiet", "mid"), in.servers(), "65/s loads the 4 committed servers (draining "
                + "ones do not count) 16 %, under 55 %; 1 server carries it at 70 %");
    }

    @Test
    void scaleInPicksOnlyRetirableServersButCountsEveryServerAsCapacity() {
        List<ServerView> servers = List.of(
                new ServerView("leader", ServerState.READY, 0, 0, false),
                new ServerView("app-client", ServerState.READY, 1, 1, false),
                new ServerView("busy", ServerState.READY, 30, 30),
                new ServerView("quiet", ServerState.READY, 10, 10));
        ScaleIn in = assertInstanceOf(ScaleIn.class, policy.decide(inputs(40, List.of(), servers)));
        assertEquals(List.of("quiet", "busy"), in.servers(), "40/s fits 1 server at 70 %; 4 committed, 3 to go, "
                + "but only the two retirable ones may");
    }

    @Test
    void scaleInHoldsAndSaysWhyWhenNoServerMayBeRetired() {
        List<ServerView> servers = List.of(
                new ServerView("leader", ServerState.READY, 0, 0, false),
                new ServerView("app-client", ServerState.READY, 0, 0, false));
        Hold hold = assertInstanceOf(Hold.class, policy.decide(inputs(0, List.of(), servers)));
        assertTrue(hold.reason().startsWith("no server may be retired"), hold.reason());
        assertTrue(hold.reason().contains("1 servers carry it"), "the reason keeps the policy's own: " + hold.reason());

        PredictivePolicy capped = new PredictivePolicy(settings().withLimits(new ScalingLimits(100, 0.7, 1, 1)),
                Clock.fixed(T0, ZoneOffset.UTC));
        Hold above = assertInstanceOf(Hold.class, capped.decide(inputs(0, List.of(), servers)));
        assertTrue(above.reason().contains("above the maximum of 1"), above.reason());
    }

    @Test
    void healthScoresCountAsDemand() {
        ScalingInputs in = new ScalingInputs(100, List.of(), 0, new HealthAggregate(500, 400, 0.25), ready(2, 100),
                Optional.empty(), Optional.empty(), 0);
        assertEquals(3, assertInstanceOf(ScaleOut.class, policy.decide(in)).servers(),
                "retained usage 300/s needs 5 servers at 70 %");
    }

    @Test
    void aRampIsMetBeforeItsPeakWithoutUnderprovisioning() {
        // Demand holds at 50/s for 5 minutes, then ramps to 650/s over 20 minutes; servers take 2 minutes; the
        // forecast knows the ramp.
        SimulatedClock clock = new SimulatedClock(T0);
        PredictivePolicy p = new PredictivePolicy(settings(), clock);
        List<Instant[]> servers = new ArrayList<>(); // {requested, ready}
        servers.add(new Instant[] {T0, T0});
        Instant peak = T0.plus(Duration.ofMinutes(25));
        Instant firstScaleOut = null;
        for (Instant now = T0; !now.isAfter(peak); now = now.plusSeconds(15)) {
            clock.set(now);
            double demand = ramp(now);
            final Instant t = now;
            long readyCount = servers.stream().filter(s -> !s[1].isAfter(t)).count();
            assertTrue(demand <= readyCount * 100, "under-provisioned at " + now + ": " + demand + " on " + readyCount);
            List<ServerView> views = new ArrayList<>();
            for (int i = 0; i < servers.size(); i++) {
                boolean up = !servers.get(i)[1].isAfter(now);
                views.add(new ServerView("s" + i, up ? ServerState.READY : ServerState.PENDING, 0, 0));
            }
            List<ForecastPoint> forecast = new ArrayList<>();
            for (int s = 15; s <= 900; s += 15) {
                double m = ramp(now.plusSeconds(s));
                forecast.add(point(now.plusSeconds(s), m, m * 1.05));
            }
            ScalingDecision d = p.decide(inputs(demand, forecast, views));
            if (d instanceof ScaleOut out) {
                firstScaleOut = firstScaleOut == null ? now : firstScaleOut;
                for (int i = 0; i < out.servers(); i++) {
                    servers.add(new Instant[] {now, now.plus(Duration.ofMinutes(2))});
                }
            }
            assertFalse(d instanceof ScaleIn, "no scale-in on a rising ramp, got " + d);
        }
        assertTrue(firstScaleOut != null && firstScaleOut.isBefore(peak), "scaled out before the peak");
        assertTrue(ramp(firstScaleOut) <= 70, "the first scale-out came while one server still ran at or below "
                + "the target: demand was " + ramp(firstScaleOut));
    }

    private static double ramp(Instant t) {
        double minutes = Duration.between(T0, t).toSeconds() / 60.0;
        return 50 + 30 * Math.min(20, Math.max(0, minutes - 5));
    }
}
