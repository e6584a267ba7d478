/**
 * Time and scheduling, injected: every SessionGrid part that does periodic work (the connection tracker's
 * flush, the SNI reservation feed and sweeper, and the components a node runs) takes a {@link java.time.Clock}
 * and a {@link io.sessiongrid.time.Scheduler} instead of starting its own thread, so the same code runs live
 * ({@link io.sessiongrid.time.ExecutorScheduler}), in simulated time and in unit tests
 * ({@link io.sessiongrid.time.ManualScheduler}).
 *
 * <p>It lives in the configuration module because that is the one module every other module depends on.
 */
package io.sessiongrid.time;
