package io.sessiongrid.sni.reservation;

import io.sessiongrid.sni.ReservationKind;
import io.sessiongrid.sni.reservation.ReservationPolicy.AppView;
import io.sessiongrid.sni.reservation.ReservationPolicy.Held;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReservationPolicyTest {
    private static final Duration TTL = Duration.ofHours(24);
    private final ReservationPolicy policy = ReservationPolicy.defaults(TTL);

    private static VmForecast forecast(String app, double upper, double confidence) {
        return new VmForecast(app, upper * 0.8, upper, confidence, Duration.ofMinutes(30));
    }

    @Test
    void confidentForecastsGetShadowReservationsSizedToTheUpperBound() {
        List<PlanAction> actions = policy.plan(forecast("a", 120.4, 0.9), new AppView("a", 1, 20, List.of()));
        assertEquals(List.of(new PlanAction.Reserve("a", 101, ReservationKind.SHADOW, TTL)), actions);
        assertEquals(ReservationKind.RANGE, policy.kindFor(forecast("a", 10, 0.5)));
    }

    @Test
    void reservationsAreExtendedToppedUpOrReleasedAsForecastsChange() {
        AppView holding = new AppView("a", 1, 0, List.of(new Held(7, ReservationKind.SHADOW, 80)));
        assertEquals(List.of(new PlanAction.Extend("a", 7, TTL)), policy.plan(forecast("a", 80, 0.9), holding));
        assertEquals(List.of(new PlanAction.Extend("a", 7, TTL),
                        new PlanAction.Reserve("a", 40, ReservationKind.SHADOW, TTL)),
                policy.plan(forecast("a", 120, 0.9), holding));
        List<PlanAction> drop = policy.plan(forecast("a", 0, 0.9), holding);
        assertEquals(1, drop.size());
        assertTrue(drop.get(0) instanceof PlanAction.Release);
        List<PlanAction> shrink = policy.plan(forecast("a", 30, 0.9), holding);
        assertTrue(shrink.get(0) instanceof PlanAction.Release);
        assertEquals(new PlanAction.Reserve("a", 30, ReservationKind.SHADOW, TTL), shrink.get(1));
        List<PlanAction> switched = policy.plan(forecast("a", 80, 0.3), holding);
        assertTrue(switched.get(0) instanceof PlanAction.Release);
        assertEquals(new PlanAction.Reserve("a", 80, ReservationKind.RANGE, TTL), switched.get(1));
    }

    @Test
    void priorityDecidesUnderContention() {
        Map<String, AppView> views = Map.of(
                "low", new AppView("low", 1, 0, List.of(new Held(1, ReservationKind.SHADOW, 50))),
                "high", new AppView("high", 9, 0, List.of()));
        List<PlanAction> actions = policy.planAll(
                List.of(forecast("low", 50, 0.9), forecast("high", 80, 0.9)), views, 40);
        assertTrue(actions.contains(new PlanAction.Reserve("high", 80, ReservationKind.SHADOW, TTL)), actions.toString());
        assertTrue(actions.stream().anyMatch(a -> a instanceof PlanAction.Release r && r.appId().equals("low")),
                actions.toString());
        // Enough room: both are served.
        List<PlanAction> roomy = policy.planAll(
                List.of(forecast("low", 50, 0.9), forecast("high", 80, 0.9)), views, 1_000);
        assertTrue(roomy.contains(new PlanAction.Extend("low", 1, TTL)), roomy.toString());
        assertTrue(roomy.contains(new PlanAction.Reserve("high", 80, ReservationKind.SHADOW, TTL)));
    }

    @Test
    void badForecastsAreRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new VmForecast("a", 10, 5, 0.5, Duration.ofMinutes(5)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new VmForecast("a", 1, 5, 1.5, Duration.ofMinutes(5)));
    }
}
