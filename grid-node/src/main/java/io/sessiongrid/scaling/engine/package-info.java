/**
 * The live side of scaling: what turns the analyzer's output into the pure policy's
 * {@link io.sessiongrid.scaling.ScalingInputs}. ({@link io.sessiongrid.scaling.engine.ForecastPoints} is shared
 * with the simulator, so both feed the policy the same way.)
 */
package io.sessiongrid.scaling.engine;
