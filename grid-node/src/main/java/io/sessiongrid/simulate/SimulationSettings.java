package io.sessiongrid.simulate;

import io.sessiongrid.forecast.backtest.Trace;
import io.sessiongrid.scaling.ScalingLimits;

import java.time.Duration;
import java.util.Objects;

/**
 * One simulation's settings, the same for every policy compared.
 *
 * @param limits capacity per server, target utilization, min and max servers
 * @param lead   from a server's request to its readiness (provisioning plus warm-up)
 * @param tick   how often the policies decide and the accounting samples
 */
public record SimulationSettings(ScalingLimits limits, Duration lead, Duration tick) {

    /** The HPA's sync period: both policies decide this often. */
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(15);
    public static final Duration DEFAULT_LEAD = Duration.ofMinutes(2);
    public static final double DEFAULT_TARGET_UTILIZATION = 0.7;
    public static final int DEFAULT_MIN = 1;
    public static final int DEFAULT_MAX = 64;
    /** Capacity per server = the trace's peak over this: about 20 servers at the peak at 100 % utilization. */
    public static final double PEAK_SERVERS = 20;

    public SimulationSettings {
        Objects.requireNonNull(limits, "limits");
        if (lead.isNegative() || (tick.isNegative() || tick.isZero())) {
            throw new IllegalArgumentException("lead must be >= 0 and tick > 0, got " + lead + " and " + tick);
        }
    }

    /** The defaults for {@code trace}: capacity = peak / 20, target 0.7, lead 2 min, 1 to 64 servers. */
    public static SimulationSettings defaults(Trace trace) {
        return new SimulationSettings(new ScalingLimits(defaultCapacity(trace), DEFAULT_TARGET_UTILIZATION,
                DEFAULT_MIN, DEFAULT_MAX), DEFAULT_LEAD, DEFAULT_TICK);
    }

    /** The trace's peak over {@link #PEAK_SERVERS}. */
    public static double defaultCapacity(Trace trace) {
        double peak = 0;
        for (double v : trace.values()) {
            peak = Math.max(peak, v);
        }
        if (!(peak > 0)) {
            throw new IllegalArgumentException(trace.name() + ": the peak is " + peak + "; demand must be positive "
                    + "somewhere (or give --capacity)");
        }
        return peak / PEAK_SERVERS;
    }
}
