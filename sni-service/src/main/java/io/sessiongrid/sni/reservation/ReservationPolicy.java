package io.sessiongrid.sni.reservation;

import io.sessiongrid.sni.ReservationKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns forecasts into reservation actions. Pure: no Hazelcast, no clock.
 *
 * <p>Need = {@code ceil(upperBound) - VMs already holding identifiers}. A confident forecast
 * ({@code confidence >= shadowConfidence}) gets a shadow reservation (identifiers pre-allocated), a less confident one
 * a range reservation (chunks pinned). Existing reservations of the right kind are extended while they still fit
 * (held between need and {@code shrinkFactor * need}), topped up when short, and released when the need is gone, the
 * kind changed, or they are far too large. Under contention ({@link #planAll}) higher priorities are served first; a
 * lower-priority application's reservations are released when a higher one cannot be served from the free pool.
 *
 * @param shadowConfidence confidence from which reservations are shadow allocations
 * @param ttl              lifetime of new and extended reservations (default: the SNI reservation TTL, 24 h)
 * @param shrinkFactor     a reservation holding more than this times the need is released and re-made
 */
public record ReservationPolicy(double shadowConfidence, Duration ttl, double shrinkFactor) {
    public ReservationPolicy {
        if (!(shadowConfidence >= 0 && shadowConfidence <= 1)) {
            throw new IllegalArgumentException("shadowConfidence must be 0..1, got " + shadowConfidence);
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, got " + ttl);
        }
        if (!(shrinkFactor > 1)) {
            throw new IllegalArgumentException("shrinkFactor must be > 1, got " + shrinkFactor);
        }
    }

    /** Shadow from confidence 0.8, the given TTL, re-made when holding more than 2x the need. */
    public static ReservationPolicy defaults(Duration ttl) {
        return new ReservationPolicy(0.8, ttl, 2.0);
    }

    /** A reservation the application holds now. {@code held}: identifiers (shadow) or spare capacity (range). */
    public record Held(long id, ReservationKind kind, int held) {
    }

    /** What the policy knows about an application. */
    public record AppView(String appId, int priority, long activeVms, List<Held> reservations) {
        public AppView {
            reservations = List.copyOf(reservations);
        }
    }

    public ReservationKind kindFor(VmForecast forecast) {
        return forecast.confidence() >= shadowConfidence ? ReservationKind.SHADOW : ReservationKind.RANGE;
    }

    /** Identifiers the forecast asks to keep ready. */
    public static int need(VmForecast forecast, long activeVms) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, Math.ceil(forecast.upperBound()) - activeVms));
    }

    /** Actions for one application, without contention. */
    public List<PlanAction> plan(VmForecast forecast, AppView view) {
        return plan(forecast, view, need(forecast, view.activeVms()));
    }

    /** Actions for one application when {@code grant} identifiers may be held for it. */
    public List<PlanAction> plan(VmForecast forecast, AppView view, int grant) {
        List<PlanAction> actions = new ArrayList<>();
        ReservationKind kind = kindFor(forecast);
        int held = 0;
        for (Held h : view.reservations()) {
            if (h.kind() == kind) {
                held += h.held();
            }
        }
        boolean remake = grant == 0 || held > shrinkFactor * grant;
        for (Held h : view.reservations()) {
            if (h.kind() != kind) {
                actions.add(new PlanAction.Release(view.appId(), h.id(), "forecast confidence moved it to " + kind));
            } else if (remake) {
                actions.add(new PlanAction.Release(view.appId(), h.id(),
                        grant == 0 ? "no growth predicted" : "holds " + held + ", needs " + grant));
            } else {
                actions.add(new PlanAction.Extend(view.appId(), h.id(), ttl));
            }
        }
        int missing = grant - (remake ? 0 : held);
        if (missing > 0) {
            actions.add(new PlanAction.Reserve(view.appId(), missing, kind, ttl));
        }
        return actions;
    }

    /**
     * Actions for several applications competing for {@code freeIds}: needs are granted in priority order (ties by
     * application id); identifiers already held count towards an application's grant. When a higher-priority need
     * exceeds what is free, lower-priority reservations are released to make room.
     */
    public List<PlanAction> planAll(List<VmForecast> forecasts, Map<String, AppView> views, long freeIds) {
        List<VmForecast> ordered = new ArrayList<>(forecasts);
        Comparator<VmForecast> byPriority = Comparator.comparingInt(
                (VmForecast f) -> views.get(f.appId()).priority()).reversed().thenComparing(VmForecast::appId);
        ordered.sort(byPriority);
        Map<String, Integer> grants = new HashMap<>();
        long free = freeIds;
        // Reclaimable from lower priorities: their reserved identifiers, released lowest priority first.
        List<VmForecast> lowestFirst = new ArrayList<>(ordered);
        java.util.Collections.reverse(lowestFirst);
        Map<String, Boolean> preempted = new HashMap<>();
        for (VmForecast f : ordered) {
            AppView view = views.get(f.appId());
            int need = need(f, view.activeVms());
            int heldNow = view.reservations().stream().mapToInt(Held::held).sum();
            long shortBy = need - heldNow - free;
            for (VmForecast low : lowestFirst) {
                if (shortBy <= 0 || low == f) {
                    break;
                }
                AppView lowView = views.get(low.appId());
                if (lowView.priority() >= view.priority() || preempted.containsKey(low.appId())) {
                    continue;
                }
                int lowHeld = lowView.reservations().stream().mapToInt(Held::held).sum();
                preempted.put(low.appId(), true);
                grants.put(low.appId(), 0);
                free += lowHeld;
                shortBy -= lowHeld;
            }
            if (preempted.containsKey(f.appId())) {
                continue;
            }
            int grant = (int) Math.max(0, Math.min(need, heldNow + free));
            grants.put(f.appId(), grant);
            free -= Math.max(0, grant - heldNow);
        }
        List<PlanAction> actions = new ArrayList<>();
        for (VmForecast f : ordered) {
            AppView view = views.get(f.appId());
            actions.addAll(plan(f, view, grants.getOrDefault(f.appId(), 0)));
        }
        return actions;
    }
}
