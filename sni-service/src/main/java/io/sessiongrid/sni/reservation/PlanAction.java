package io.sessiongrid.sni.reservation;

import io.sessiongrid.sni.ReservationKind;

import java.time.Duration;

/** What the predictive allocator does for one application after a forecast. */
public sealed interface PlanAction {
    String appId();

    /** Reserve {@code count} more identifiers. */
    record Reserve(String appId, int count, ReservationKind kind, Duration ttl) implements PlanAction {
    }

    /** Keep a reservation for another {@code ttl}. */
    record Extend(String appId, long reservationId, Duration ttl) implements PlanAction {
    }

    /** Give a reservation back (prediction fell, kind changed, or a higher-priority application needs the room). */
    record Release(String appId, long reservationId, String why) implements PlanAction {
    }
}
