/**
 * The scaling decision logic, pure: no Hazelcast types, time only from an injected {@link java.time.Clock}, so
 * the same code decides live (the engine), in simulated time ({@code ./sessiongrid simulate}) and in unit tests.
 *
 * <p>A {@link io.sessiongrid.scaling.ScalingPolicy} turns {@link io.sessiongrid.scaling.ScalingInputs} (observed
 * demand, the cluster forecast with its interval, recent forecast error, the connections' health aggregate and the
 * servers with their load) into one sealed {@link io.sessiongrid.scaling.ScalingDecision}:
 * {@code ScaleOut}, {@code ScaleIn} or {@code Hold}, each with its reason. Two policies:
 * <ul>
 *   <li>{@link io.sessiongrid.scaling.PredictivePolicy}: sizes the fleet for the forecast's upper bound over the
 *       provisioning horizon, widened by recent forecast error; hysteresis, cooldown, min/max, maximum step;</li>
 *   <li>{@link io.sessiongrid.scaling.HpaPolicy}: the Kubernetes Horizontal Pod Autoscaler's algorithm with its
 *       documented defaults, the reactive baseline.</li>
 * </ul>
 */
package io.sessiongrid.scaling;
