package io.sessiongrid.alerts;

import java.time.Duration;

/** The conditions an operator (or the application) must act on. */
public enum AlertKind {
    /** Less than {@link AlertRules#SNI_FREE_SHARE} of the SNI space is free: allocations will soon fail. */
    SNI_POOL_NEAR_EXHAUSTION(Duration.ofMinutes(5)),
    /**
     * The cluster forecast's error is more than {@link AlertRules#FORECAST_ERROR_FACTOR} times its usual level (and
     * above {@link AlertRules#FORECAST_ERROR_FLOOR_PCT} percent): the scaling engine scales on a forecast that no
     * longer fits the traffic.
     */
    FORECAST_ERROR_HIGH(Duration.ofMinutes(10)),
    /** The analyzer's newest cluster window is more than {@link AlertRules#ANALYZER_LAG_INTERVALS} intervals old. */
    ANALYZER_LAGGING(Duration.ofMinutes(2)),
    /** This node's connection tracker failed to flush in every check of the hold period. */
    TRACKER_FLUSHES_FAILING(Duration.ofMinutes(5)),
    /** The cluster has fewer members than it had within {@link AlertRules#MEMBER_WINDOW}. */
    MEMBER_LOST(Duration.ofMinutes(2)),
    /** A connection move rolled back since the last check (its target died, timed out or could not catch up). */
    MIGRATION_ROLLED_BACK(Duration.ZERO),
    /**
     * Connections whose server died are still owned by no server, though the active scaling engine re-homes them
     * every interval: no ready server to take them, or no active engine.
     */
    ORPHANED_CONNECTIONS(Duration.ofMinutes(1)),
    /**
     * No scaling decision was recorded within {@link AlertRules#ENGINE_SILENT_INTERVALS} decision intervals: no member
     * runs the scaling engine (no data member), or every interval of the one that leads fails. Nothing scales.
     */
    NO_ACTIVE_SCALING_ENGINE(Duration.ofMinutes(2)),
    /**
     * The demand the active engine observed is above what the ready servers serve (ready data and lite members
     * times {@code scaling.capacityPerServer}): scale-outs are late, failing, capped by {@code maxMembers}, or the
     * provisioner is {@code none}.
     */
    DEMAND_ABOVE_READY_CAPACITY(Duration.ofMinutes(5));

    private final Duration holdFor;

    AlertKind(Duration holdFor) {
        this.holdFor = holdFor;
    }

    /** How long the condition must hold before the alert is raised. */
    public Duration holdFor() {
        return holdFor;
    }
}
