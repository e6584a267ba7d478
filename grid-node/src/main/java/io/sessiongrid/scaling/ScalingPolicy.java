package io.sessiongrid.scaling;

/**
 * Decides, once per decision interval, whether the fleet grows, shrinks or holds. Implementations read time only
 * from the {@link java.time.Clock} they were built with, so they run live, simulated and in tests alike. A
 * policy may keep state between calls (the HPA's stabilization window does); call {@link #decide} from one
 * thread.
 */
public interface ScalingPolicy {

    /** The policy's name, e.g. {@code predictive}. */
    String name();

    /** The decision for these inputs at the clock's current time. */
    ScalingDecision decide(ScalingInputs inputs);
}
