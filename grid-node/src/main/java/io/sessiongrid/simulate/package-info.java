/**
 * The scaling simulator behind {@code ./sessiongrid simulate}: replays a trace as cluster demand through the real
 * decision code ({@link io.sessiongrid.scaling}) in simulated time, with the real forecasters and a simulated
 * fleet whose servers become ready a fixed lead time after they are requested, and compares the predictive
 * policy with the Kubernetes-HPA baseline on the same trace. Pure and single-threaded; no Hazelcast.
 *
 * <p>Model: each trace value is the demand (requests/s) over its whole step (a step function). The forecast made
 * when step {@code k} begins sees the values of steps {@code 0..k} only. Both policies decide every tick (15 s,
 * the HPA's sync period). A server costs from the moment it is requested until it is retired. The forecaster fits
 * with the trace's daily season, or as the live analyzer does ({@link io.sessiongrid.simulate.ForecastSetup}).
 */
package io.sessiongrid.simulate;
