package io.sessiongrid.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The alert conditions, the same as {@code deploy/prometheus/alerts.yml}: a pure state machine fed one
 * {@link AlertFigures} per check. Not thread-safe: one monitor feeds it.
 */
public final class AlertRules {
    /** Below this share of free identifiers the SNI pool is near exhaustion. */
    public static final double SNI_FREE_SHARE = 0.05;
    /** Forecast error this many times its usual level is "high"... */
    public static final double FORECAST_ERROR_FACTOR = 3.0;
    /** ...and only above this many percent (a tiny error tripling is no news). */
    public static final double FORECAST_ERROR_FLOOR_PCT = 20.0;
    /**
     * The usual forecast error: an exponentially weighted mean with this weight per check, i.e. about six hours
     * of 15 s checks (the Prometheus rule's {@code avg_over_time[6h]}), slow enough that an anomaly lasting the
     * hold period does not become the usual level.
     */
    static final double FORECAST_ERROR_WEIGHT = 1.0 / 1440;
    /** The analyzer lags when its newest cluster window is older than this many of its intervals. */
    public static final int ANALYZER_LAG_INTERVALS = 5;
    /** The engine is silent when no decision was recorded within this many decision intervals. */
    public static final int ENGINE_SILENT_INTERVALS = 3;
    /** How far back a larger member count counts as "lost a member". */
    public static final Duration MEMBER_WINDOW = Duration.ofMinutes(15);

    private final Map<AlertKind, Instant> holdingSince = new EnumMap<>(AlertKind.class);
    private final Set<AlertKind> firing = EnumSet.noneOf(AlertKind.class);
    private final Deque<AlertFigures> recent = new ArrayDeque<>();
    private double usualForecastError = Double.NaN;
    private long lastFailedFlushes = -1;
    private long lastRolledBack = -1;

    /** Feeds one check's figures; returns the alerts raised and cleared by it. */
    public List<Alert> evaluate(AlertFigures f) {
        recent.addLast(f);
        while (recent.peekFirst().at().isBefore(f.at().minus(MEMBER_WINDOW))) {
            recent.removeFirst();
        }
        List<Alert> changes = new ArrayList<>();
        check(AlertKind.SNI_POOL_NEAR_EXHAUSTION, f, sniLow(f), changes);
        check(AlertKind.FORECAST_ERROR_HIGH, f, forecastErrorHigh(f), changes);
        check(AlertKind.ANALYZER_LAGGING, f, analyzerLagging(f), changes);
        check(AlertKind.TRACKER_FLUSHES_FAILING, f, flushesFailing(f), changes);
        check(AlertKind.MEMBER_LOST, f, memberLost(f), changes);
        check(AlertKind.MIGRATION_ROLLED_BACK, f, rolledBack(f), changes);
        check(AlertKind.ORPHANED_CONNECTIONS, f, orphaned(f), changes);
        check(AlertKind.NO_ACTIVE_SCALING_ENGINE, f, engineSilent(f), changes);
        check(AlertKind.DEMAND_ABOVE_READY_CAPACITY, f, demandAboveCapacity(f), changes);
        return changes;
    }

    /** The alerts firing after the last {@link #evaluate}. */
    public Set<AlertKind> firing() {
        return EnumSet.copyOf(firing);
    }

    private void check(AlertKind kind, AlertFigures f, String holdsBecause, List<Alert> changes) {
        if (holdsBecause == null) {
            holdingSince.remove(kind);
            if (firing.remove(kind)) {
                changes.add(new Alert(kind, false, "condition no longer holds", f.at()));
            }
            return;
        }
        Instant since = holdingSince.computeIfAbsent(kind, k -> f.at());
        if (!firing.contains(kind) && !f.at().isBefore(since.plus(kind.holdFor()))) {
            firing.add(kind);
            changes.add(new Alert(kind, true, holdsBecause, f.at()));
        }
    }

    private static String sniLow(AlertFigures f) {
        if (f.sniFreeShare().isEmpty() || f.sniFreeShare().getAsDouble() >= SNI_FREE_SHARE) {
            return null;
        }
        return String.format("%.1f%% of the SNI space is free (below %.0f%%)", 100 * f.sniFreeShare().getAsDouble(),
                100 * SNI_FREE_SHARE);
    }

    private String forecastErrorHigh(AlertFigures f) {
        if (f.forecastErrorPct().isEmpty()) {
            return null;
        }
        double error = f.forecastErrorPct().getAsDouble();
        double usual = usualForecastError;
        usualForecastError = Double.isNaN(usual) ? error : usual + FORECAST_ERROR_WEIGHT * (error - usual);
        if (Double.isNaN(usual) || error <= FORECAST_ERROR_FLOOR_PCT || error <= FORECAST_ERROR_FACTOR * usual) {
            return null;
        }
        return String.format("forecast error %.1f%%, usually %.1f%%", error, usual);
    }

    private static String analyzerLagging(AlertFigures f) {
        if (f.analyzerWindowEnd().isEmpty() || f.analyzerInterval() <= 0) {
            return null;
        }
        long age = f.at().toEpochMilli() - f.analyzerWindowEnd().getAsLong();
        if (age <= ANALYZER_LAG_INTERVALS * f.analyzerInterval()) {
            return null;
        }
        return "newest cluster window ended " + Duration.ofMillis(age).toSeconds() + " s ago (interval "
                + f.analyzerInterval() + " ms)";
    }

    private String flushesFailing(AlertFigures f) {
        long before = lastFailedFlushes;
        lastFailedFlushes = f.failedFlushes();
        if (before < 0 || f.failedFlushes() <= before) {
            return null;
        }
        return (f.failedFlushes() - before) + " tracker flush(es) failed since the last check";
    }

    private String rolledBack(AlertFigures f) {
        if (f.movesRolledBack().isEmpty()) {
            return null;
        }
        long before = lastRolledBack;
        lastRolledBack = f.movesRolledBack().getAsLong();
        if (before < 0 || lastRolledBack <= before) {
            return null;
        }
        return (lastRolledBack - before) + " connection move(s) rolled back since the last check (see "
                + "sessiongrid.moves for their reasons)";
    }

    private static String orphaned(AlertFigures f) {
        if (f.orphanedConnections().isEmpty() || f.orphanedConnections().getAsLong() == 0) {
            return null;
        }
        return f.orphanedConnections().getAsLong() + " connection(s) of dead servers are owned by no server";
    }

    private static String engineSilent(AlertFigures f) {
        if (f.recentDecisions().isEmpty() || f.recentDecisions().getAsLong() > 0) {
            return null;
        }
        return "no scaling decision recorded within the last " + ENGINE_SILENT_INTERVALS + " decision intervals ("
                + Duration.ofMillis(ENGINE_SILENT_INTERVALS * f.decisionInterval()).toSeconds() + " s): no member "
                + "runs the scaling engine, or each of its intervals fails (its log says 'scaling engine interval failed')";
    }

    private static String demandAboveCapacity(AlertFigures f) {
        if (f.demand().isEmpty() || f.readyCapacity().isEmpty()
                || f.demand().getAsDouble() <= f.readyCapacity().getAsDouble()) {
            return null;
        }
        return String.format(Locale.ROOT, "demand %.0f requests/s is above the ready servers' capacity of "
                + "%.0f requests/s", f.demand().getAsDouble(), f.readyCapacity().getAsDouble());
    }

    private String memberLost(AlertFigures f) {
        int most = recent.stream().mapToInt(AlertFigures::members).max().orElse(f.members());
        if (f.members() >= most) {
            return null;
        }
        return f.members() + " member(s), " + most + " within the last " + MEMBER_WINDOW.toMinutes() + " minutes";
    }
}
