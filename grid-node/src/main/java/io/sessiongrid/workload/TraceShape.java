package io.sessiongrid.workload;

import io.sessiongrid.forecast.backtest.Trace;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * A recorded trace replayed as the load level: its values scaled so that the largest is 1, each point lasting
 * {@code step} (the trace's own step, time-compressed), linearly interpolated between points, looping at the end.
 *
 * @param name   the trace's name
 * @param origin when the trace's first point plays
 * @param step   how long each point lasts, {@code > 0}
 * @param levels the trace's values divided by its largest one (negatives read as 0)
 */
public record TraceShape(String name, Instant origin, Duration step, double[] levels) implements WorkloadShape {

    public TraceShape {
        if (step == null || step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be > 0, got " + step);
        }
        if (levels.length < 2) {
            throw new IllegalArgumentException("a trace shape needs at least 2 points, got " + levels.length);
        }
        levels = levels.clone();
    }

    /**
     * The trace with one of its days compressed to {@code day} (a trace with a 5-minute step and a 2-minute day
     * plays each point for 0.42 s).
     */
    public static TraceShape of(Trace trace, Instant origin, Duration day) {
        double[] values = trace.values();
        double max = Arrays.stream(values).max().orElse(1);
        double[] levels = Arrays.stream(values).map(v -> max > 0 ? Math.max(0, v) / max : 0).toArray();
        long stepMillis = Math.max(1, Math.round(day.toMillis() * trace.stepSeconds() / 86_400));
        return new TraceShape(trace.name(), origin, Duration.ofMillis(stepMillis), levels);
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    @Override
    public double level(Instant t) {
        double position = (double) Duration.between(origin, t).toMillis() / step.toMillis();
        double wrapped = position - Math.floor(position / levels.length) * levels.length;
        int i = (int) Math.floor(wrapped) % levels.length;
        double frac = wrapped - Math.floor(wrapped);
        return levels[i] + (levels[(i + 1) % levels.length] - levels[i]) * frac;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "trace %s (%d points, %d ms each)", name, levels.length, step.toMillis());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceShape s && name.equals(s.name) && origin.equals(s.origin) && step.equals(s.step)
                && Arrays.equals(levels, s.levels);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(levels);
    }

    @Override
    public String toString() {
        return "TraceShape[" + describe() + "]";
    }
}
