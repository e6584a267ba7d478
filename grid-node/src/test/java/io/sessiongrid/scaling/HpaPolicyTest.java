package io.sessiongrid.scaling;

import io.sessiongrid.scaling.ScalingDecision.Hold;
import io.sessiongrid.scaling.ScalingDecision.ScaleIn;
import io.sessiongrid.scaling.ScalingDecision.ScaleOut;
import io.sessiongrid.simulate.SimulatedClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.sessiongrid.scaling.PolicyFixtures.LIMITS;
import static io.sessiongrid.scaling.PolicyFixtures.T0;
import static io.sessiongrid.scaling.PolicyFixtures.inputs;
import static io.sessiongrid.scaling.PolicyFixtures.point;
import static io.sessiongrid.scaling.PolicyFixtures.ready;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HpaPolicyTest {

    private final SimulatedClock clock = new SimulatedClock(T0);
    private final HpaPolicy hpa = new HpaPolicy(HpaSettings.defaults(LIMITS), clock);

    @Test
    void holdsWithinTheTolerance() {
        // 4 servers at 75 %: ratio 75 / 70 = 1.07, within 0.1.
        assertInstanceOf(Hold.class, hpa.decide(inputs(300, List.of(), ready(4, 300))));
    }

    @Test
    void scalesUpToCeilOfCurrentTimesRatio() {
        // 4 servers at 100 %: ratio 1/0.7 -> ceil(4 * 1.43) = 6.
        assertEquals(2, assertInstanceOf(ScaleOut.class, hpa.decide(inputs(400, List.of(), ready(4, 400)))).servers());
    }

    @Test
    void ignoresTheForecast() {
        assertInstanceOf(Hold.class, hpa.decide(inputs(280, List.of(point(T0.plusSeconds(30), 5000, 5000)),
                ready(4, 280))));
    }

    @Test
    void scaleUpIsLimitedToTheMoreOfDoubleAndFourPods() {
        ScalingLimits wide = new ScalingLimits(100, 0.7, 1, 64);
        HpaPolicy p = new HpaPolicy(HpaSettings.defaults(wide), clock);
        // 1 server, demand for 20: at most max(2, 1 + 4) = 5 replicas.
        assertEquals(4, assertInstanceOf(ScaleOut.class, p.decide(inputs(1400, List.of(), ready(1, 1400)))).servers());
        clock.set(T0.plusSeconds(15));
        // 10 servers, demand for 40: at most max(20, 14) = 20.
        assertEquals(10, assertInstanceOf(ScaleOut.class, p.decide(inputs(2800, List.of(), ready(10, 2800)))).servers());
    }

    @Test
    void decidesOncePerSyncPeriod() {
        assertInstanceOf(ScaleOut.class, hpa.decide(inputs(400, List.of(), ready(4, 400))));
        clock.set(T0.plusSeconds(10));
        Hold hold = assertInstanceOf(Hold.class, hpa.decide(inputs(400, List.of(), ready(4, 400))));
        assertTrue(hold.reason().contains("between HPA syncs"), hold.reason());
    }

    @Test
    void pendingServersCountAsIdleOnAScaleUp() {
        // 4 ready at 100 % plus 2 pending: with the pending ones at 0 %, 400/s on 6 is 67 %: no further scale-up.
        List<ServerView> servers = new ArrayList<>(ready(4, 400));
        servers.add(new ServerView("p0", ServerState.PENDING, 0, 0));
        servers.add(new ServerView("p1", ServerState.PENDING, 0, 0));
        assertInstanceOf(Hold.class, hpa.decide(inputs(400, List.of(), servers)));
    }

    @Test
    void scaleDownWaitsForTheStabilizationWindow() {
        assertInstanceOf(Hold.class, hpa.decide(inputs(560, List.of(), ready(8, 560))), "8 at 70 %");
        for (int s = 15; s < 300; s += 15) {
            clock.set(T0.plusSeconds(s));
            assertInstanceOf(Hold.class, hpa.decide(inputs(140, List.of(), ready(8, 140))),
                    "the 8-replica recommendation of " + T0 + " is in the window at +" + s + " s");
        }
        clock.set(T0.plusSeconds(315));
        ScaleIn in = assertInstanceOf(ScaleIn.class, hpa.decide(inputs(140, List.of(), ready(8, 140))));
        assertEquals(6, in.servers().size(), "down to 2 at once (100 % per period allowed)");
    }

    @Test
    void neverBelowMinOrAboveMax() {
        assertInstanceOf(Hold.class, hpa.decide(inputs(0, List.of(), ready(1, 0))));
        clock.set(T0.plusSeconds(15));
        assertEquals(2, assertInstanceOf(ScaleOut.class, hpa.decide(inputs(10_000, List.of(), ready(8, 10_000))))
                .servers(), "max 10");
    }

    @Test
    void scaleDownSkipsServersThatMayNotBeRetired() {
        List<ServerView> servers = new ArrayList<>();
        servers.add(new ServerView("leader", ServerState.READY, 0, 0, false));
        servers.add(new ServerView("other", ServerState.READY, 0, 0));
        servers.add(new ServerView("client", ServerState.READY, 0, 0, false));
        ScaleIn in = assertInstanceOf(ScaleIn.class, hpa.decide(inputs(10, List.of(), servers)));
        assertEquals(List.of("other"), in.servers(), "10/s needs 1 of the 3; only one may go");
        clock.set(T0.plusSeconds(15));
        Hold hold = assertInstanceOf(Hold.class, hpa.decide(inputs(10, List.of(), List.of(servers.get(0), servers.get(2)))));
        assertTrue(hold.reason().startsWith("no server may be retired"), hold.reason());
    }
}
