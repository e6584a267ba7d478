package io.sessiongrid.alerts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertRulesTest {
    static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    static final Duration CHECK = Duration.ofSeconds(15);

    final AlertRules rules = new AlertRules();

    static AlertFigures figures(Instant at, double sniFree, double errorPct, long failedFlushes, int members) {
        return new AlertFigures(at, OptionalDouble.of(sniFree), OptionalDouble.of(errorPct),
                OptionalLong.of(at.toEpochMilli() - 5_000), 5_000, failedFlushes, members);
    }

    @Test
    void aHealthyNodeRaisesNothing() {
        for (int i = 0; i < 100; i++) {
            assertEquals(List.of(), rules.evaluate(figures(T0.plus(CHECK.multipliedBy(i)), 0.9, 8, 0, 3)));
        }
        assertEquals(Set.of(), rules.firing());
    }

    @Test
    void sniExhaustionIsRaisedOnlyAfterItsHoldPeriodAndClearedWhenItEnds() {
        Instant t = T0;
        for (; t.isBefore(T0.plus(AlertKind.SNI_POOL_NEAR_EXHAUSTION.holdFor())); t = t.plus(CHECK)) {
            assertEquals(List.of(), rules.evaluate(figures(t, 0.04, 8, 0, 3)), "still within the hold period at " + t);
        }
        List<Alert> raised = rules.evaluate(figures(t, 0.04, 8, 0, 3));
        assertEquals(1, raised.size());
        assertEquals(AlertKind.SNI_POOL_NEAR_EXHAUSTION, raised.get(0).kind());
        assertTrue(raised.get(0).firing());
        assertTrue(raised.get(0).detail().contains("4.0% of the SNI space is free"), raised.get(0).detail());
        assertEquals(List.of(), rules.evaluate(figures(t.plus(CHECK), 0.03, 8, 0, 3)), "raised once, not per check");
        List<Alert> cleared = rules.evaluate(figures(t.plus(CHECK.multipliedBy(2)), 0.5, 8, 0, 3));
        assertEquals(List.of(new Alert(AlertKind.SNI_POOL_NEAR_EXHAUSTION, false, "condition no longer holds",
                t.plus(CHECK.multipliedBy(2)))), cleared);
    }

    @Test
    void aBlipShorterThanTheHoldPeriodRaisesNothing() {
        rules.evaluate(figures(T0, 0.01, 8, 0, 3));
        rules.evaluate(figures(T0.plus(Duration.ofMinutes(4)), 0.01, 8, 0, 3));
        rules.evaluate(figures(T0.plus(Duration.ofMinutes(4).plus(CHECK)), 0.5, 8, 0, 3));
        assertEquals(List.of(), rules.evaluate(figures(T0.plus(Duration.ofMinutes(6)), 0.01, 8, 0, 3)));
        assertFalse(rules.firing().contains(AlertKind.SNI_POOL_NEAR_EXHAUSTION));
    }

    @Test
    void forecastErrorIsHighAgainstItsOwnUsualLevelNotAFixedBar() {
        Instant t = T0;
        for (int i = 0; i < 200; i++, t = t.plus(CHECK)) {
            rules.evaluate(figures(t, 0.9, 10, 0, 3)); // usual: 10 %
        }
        boolean raised = false;
        for (int i = 0; i < 60 && !raised; i++, t = t.plus(CHECK)) {
            raised = rules.evaluate(figures(t, 0.9, 45, 0, 3)).stream()
                    .anyMatch(a -> a.kind() == AlertKind.FORECAST_ERROR_HIGH && a.firing());
        }
        assertTrue(raised, "45% against a usual 10% held for 15 minutes");

        AlertRules steady = new AlertRules();
        for (int i = 0; i < 200; i++) {
            steady.evaluate(figures(T0.plus(CHECK.multipliedBy(i)), 0.9, 45, 0, 3)); // 45 % is this trace's normal
        }
        assertFalse(steady.firing().contains(AlertKind.FORECAST_ERROR_HIGH));
    }

    @Test
    void failingFlushesMemberLossAndALaggingAnalyzer() {
        Instant t = T0;
        rules.evaluate(figures(t, 0.9, 8, 0, 3));
        for (int i = 1; i <= 30; i++) {
            t = t.plus(CHECK);
            // a flush fails between every two checks, a member is gone, the analyzer's newest window stays at T0
            rules.evaluate(new AlertFigures(t, OptionalDouble.of(0.9), OptionalDouble.of(8),
                    OptionalLong.of(T0.toEpochMilli()), 5_000, i, 2));
        }
        assertEquals(Set.of(AlertKind.TRACKER_FLUSHES_FAILING, AlertKind.MEMBER_LOST, AlertKind.ANALYZER_LAGGING),
                rules.firing());
        // Flushes succeed again (count unchanged): that alert clears; the member is still missing.
        List<Alert> next = rules.evaluate(new AlertFigures(t.plus(CHECK), OptionalDouble.of(0.9), OptionalDouble.of(8),
                OptionalLong.of(t.toEpochMilli()), 5_000, 30, 2));
        assertEquals(Set.of(AlertKind.TRACKER_FLUSHES_FAILING, AlertKind.ANALYZER_LAGGING),
                Set.copyOf(next.stream().filter(a -> !a.firing()).map(Alert::kind).toList()));
        assertEquals(Set.of(AlertKind.MEMBER_LOST), rules.firing());
    }

    @Test
    void aRolledBackMoveIsRaisedAtOnceAndOrphansAfterAMinute() {
        rules.evaluate(new AlertFigures(T0, OptionalDouble.of(0.9), OptionalDouble.of(8), OptionalLong.empty(), 0, 0, 3,
                OptionalLong.of(2), OptionalLong.of(0)));
        List<Alert> next = rules.evaluate(new AlertFigures(T0.plus(CHECK), OptionalDouble.of(0.9), OptionalDouble.of(8),
                OptionalLong.empty(), 0, 0, 3, OptionalLong.of(3), OptionalLong.of(5)));
        assertEquals(List.of(AlertKind.MIGRATION_ROLLED_BACK), next.stream().map(Alert::kind).toList());
        assertTrue(next.get(0).detail().startsWith("1 connection move(s) rolled back"), next.get(0).detail());
        Instant t = T0.plus(CHECK);
        for (int i = 0; i < 4; i++) {
            t = t.plus(CHECK);
            rules.evaluate(new AlertFigures(t, OptionalDouble.of(0.9), OptionalDouble.of(8), OptionalLong.empty(), 0, 0, 3,
                    OptionalLong.of(3), OptionalLong.of(5)));
        }
        assertEquals(Set.of(AlertKind.ORPHANED_CONNECTIONS), rules.firing(), "orphans held a minute; no new rollback");
    }

    @Test
    void unknownFiguresRaiseNothing() {
        for (int i = 0; i < 100; i++) {
            assertEquals(List.of(), rules.evaluate(new AlertFigures(T0.plus(CHECK.multipliedBy(i)), OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalLong.empty(), 0, 0, 1)));
        }
    }

    /** Healthy figures but for the scaling engine's: decisions recorded recently, demand and ready capacity. */
    static AlertFigures scaling(Instant at, OptionalLong recentDecisions, OptionalDouble demand, double readyCapacity) {
        return new AlertFigures(at, OptionalDouble.of(0.9), OptionalDouble.of(8), OptionalLong.of(at.toEpochMilli()
                - 5_000), 5_000, 0, 3, OptionalLong.of(0), OptionalLong.of(0), recentDecisions, 5_000, demand,
                OptionalDouble.of(readyCapacity));
    }

    @Test
    void anEngineThatRecordsNoDecisionIsRaisedAfterTwoMinutesAndClearedWhenOneIsRecordedAgain() {
        Instant t = T0;
        for (; t.isBefore(T0.plus(AlertKind.NO_ACTIVE_SCALING_ENGINE.holdFor())); t = t.plus(CHECK)) {
            assertEquals(List.of(), rules.evaluate(scaling(t, OptionalLong.of(0), OptionalDouble.empty(), 1000)));
        }
        List<Alert> raised = rules.evaluate(scaling(t, OptionalLong.of(0), OptionalDouble.empty(), 1000));
        assertEquals(List.of(AlertKind.NO_ACTIVE_SCALING_ENGINE), raised.stream().map(Alert::kind).toList());
        assertTrue(raised.get(0).detail().contains("within the last 3 decision intervals (15 s)"), raised.get(0).detail());
        List<Alert> cleared = rules.evaluate(scaling(t.plus(CHECK), OptionalLong.of(3), OptionalDouble.of(10), 1000));
        assertEquals(List.of(new Alert(AlertKind.NO_ACTIVE_SCALING_ENGINE, false, "condition no longer holds",
                t.plus(CHECK))), cleared);
    }

    @Test
    void unknownDecisionFiguresRaiseNothing() {
        for (int i = 0; i < 100; i++) {
            assertEquals(List.of(), rules.evaluate(scaling(T0.plus(CHECK.multipliedBy(i)), OptionalLong.empty(),
                    OptionalDouble.empty(), 0)));
        }
    }

    @Test
    void demandAboveReadyCapacityIsRaisedAfterFiveMinutesButNotForABlip() {
        rules.evaluate(scaling(T0, OptionalLong.of(3), OptionalDouble.of(1500), 1000));
        rules.evaluate(scaling(T0.plus(Duration.ofMinutes(4)), OptionalLong.of(3), OptionalDouble.of(1500), 1000));
        assertEquals(List.of(), rules.evaluate(scaling(T0.plus(Duration.ofMinutes(4).plus(CHECK)), OptionalLong.of(3),
                OptionalDouble.of(1500), 2000)), "a server became ready: the blip ends");

        Instant start = T0.plus(Duration.ofMinutes(10));
        Instant t = start;
        for (; t.isBefore(start.plus(AlertKind.DEMAND_ABOVE_READY_CAPACITY.holdFor())); t = t.plus(CHECK)) {
            assertEquals(List.of(), rules.evaluate(scaling(t, OptionalLong.of(3), OptionalDouble.of(1500), 1000)));
        }
        List<Alert> raised = rules.evaluate(scaling(t, OptionalLong.of(3), OptionalDouble.of(1500), 1000));
        assertEquals(List.of(AlertKind.DEMAND_ABOVE_READY_CAPACITY), raised.stream().map(Alert::kind).toList());
        assertEquals("demand 1500 requests/s is above the ready servers' capacity of 1000 requests/s",
                raised.get(0).detail());
        assertEquals(Set.of(AlertKind.DEMAND_ABOVE_READY_CAPACITY), rules.firing());
    }
}
