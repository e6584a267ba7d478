package io.sessiongrid.sni.reservation;

import io.sessiongrid.sni.AppStatus;
import io.sessiongrid.sni.Reservation;
import io.sessiongrid.sni.ReservationKind;
import io.sessiongrid.sni.SniException;
import io.sessiongrid.sni.SniService;
import io.sessiongrid.sni.UnknownReservationException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies forecasts to the grid: the feed point of the behavioural profiler. For each forecast it reads the
 * application's status, asks the {@link ReservationPolicy} what to do and reserves, extends or releases through the
 * {@link SniService}. Reservations it made are tracked here only to extend or release them; if this object is lost
 * they simply expire with their TTL (identifier safety never depends on it).
 *
 * <p>Shadow reservations are held by the {@link SniService} instance given here, which hands them out with no grid
 * call: create the allocator over the service the application's {@code allocate} calls go through (one per
 * allocating process; each sizes its own reservations from the same forecasts).
 *
 * <p>Not thread-safe per application: feed one application's forecasts from one thread (the profiler's sink does).
 */
public final class PredictiveAllocator {
    private final SniService service;
    private final ReservationPolicy policy;
    private final Map<String, List<Reservation>> tracked = new ConcurrentHashMap<>();

    public PredictiveAllocator(SniService service, ReservationPolicy policy) {
        this.service = Objects.requireNonNull(service, "service");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Plans and applies one application's forecast (no cross-application arbitration). */
    public List<PlanAction> onForecast(VmForecast forecast) {
        AppStatus status = service.status(forecast.appId());
        List<PlanAction> actions = policy.plan(forecast, view(status));
        apply(actions);
        return actions;
    }

    /** Plans several applications' forecasts together, by priority against the free pool, and applies them. */
    public List<PlanAction> onForecasts(List<VmForecast> forecasts) {
        Map<String, ReservationPolicy.AppView> views = new HashMap<>();
        for (VmForecast f : forecasts) {
            views.put(f.appId(), view(service.status(f.appId())));
        }
        List<PlanAction> actions = policy.planAll(forecasts, views, service.poolStatus().freeIds());
        apply(actions);
        return actions;
    }

    /** The reservations this allocator holds for an application. */
    public List<Reservation> reservations(String appId) {
        return List.copyOf(tracked.getOrDefault(appId, List.of()));
    }

    private ReservationPolicy.AppView view(AppStatus status) {
        List<ReservationPolicy.Held> held = new ArrayList<>();
        List<Reservation> mine = tracked.getOrDefault(status.appId(), List.of());
        long known = mine.stream().filter(r -> r.kind() == ReservationKind.SHADOW).mapToLong(Reservation::held).sum();
        // Allocations consume shadow identifiers: the grid's reserved count is the truth; scale our last known
        // figures down to it.
        double scale = known == 0 ? 1.0 : Math.min(1.0, (double) status.reserved() / known);
        for (Reservation r : mine) {
            int now = r.kind() == ReservationKind.SHADOW ? (int) Math.floor(r.held() * scale)
                    : (int) Math.min(r.count(), status.freeInChunks());
            held.add(new ReservationPolicy.Held(r.id(), r.kind(), now));
        }
        return new ReservationPolicy.AppView(status.appId(), status.priority(), status.leased(), held);
    }

    private void apply(List<PlanAction> actions) {
        for (PlanAction action : actions) {
            if (action instanceof PlanAction.Reserve r) {
                try {
                    Reservation made = service.reserve(r.appId(), r.count(), r.ttl(), r.kind());
                    tracked.computeIfAbsent(r.appId(), k -> new ArrayList<>()).add(made);
                } catch (SniException e) {
                    // Pool exhausted or a minority side: the application allocates on demand instead.
                }
            } else if (action instanceof PlanAction.Extend e) {
                replace(e.appId(), e.reservationId(), reservation -> {
                    try {
                        Reservation next = service.extend(reservation, e.ttl());
                        if (next.kind() == ReservationKind.SHADOW && next.held() == 0) {
                            // Fully consumed by allocations: nothing left to keep.
                            service.releaseReservation(next);
                            return null;
                        }
                        return next;
                    } catch (UnknownReservationException gone) {
                        return null;
                    }
                });
            } else if (action instanceof PlanAction.Release r) {
                replace(r.appId(), r.reservationId(), reservation -> {
                    try {
                        service.releaseReservation(reservation);
                    } catch (UnknownReservationException gone) {
                        // Already gone.
                    }
                    return null;
                });
            }
        }
    }

    private void replace(String appId, long id, java.util.function.UnaryOperator<Reservation> change) {
        List<Reservation> list = tracked.getOrDefault(appId, List.of());
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id() == id) {
                Reservation next = change.apply(list.get(i));
                if (next == null) {
                    list.remove(i);
                } else {
                    list.set(i, next);
                }
                return;
            }
        }
    }
}
