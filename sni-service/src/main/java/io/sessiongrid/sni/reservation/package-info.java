/**
 * Predictive allocation: forecasts of an application's VM count ({@link io.sessiongrid.sni.reservation.VmForecast},
 * produced by the behavioural profiler) become reservations sized for the upper confidence bound, extended or released
 * as forecasts change, with shadow allocation when the forecast is confident.
 * {@link io.sessiongrid.sni.reservation.ReservationPolicy} decides (pure, with priorities under contention);
 * {@link io.sessiongrid.sni.reservation.PredictiveAllocator} applies its {@link io.sessiongrid.sni.reservation.PlanAction}s
 * through a {@link io.sessiongrid.sni.SniService}.
 */
package io.sessiongrid.sni.reservation;
