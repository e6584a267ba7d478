package io.sessiongrid.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A time-compressed day: a smooth trough-to-peak cycle ({@code trough} at the start of each day, 1 at its middle)
 * with short bursts on top, repeating every {@code day}. A real day of traffic squeezed into, say, two minutes, so
 * that a demo or a test sees a ramp, a peak and the fall after it.
 *
 * @param origin when day 0 starts (servers that share it see the same phase)
 * @param day    the length of one compressed day, {@code > 0}
 * @param trough the level at the quietest moment, in {@code [0, 1)}
 * @param bursts extra load over parts of each day
 */
public record DailyShape(Instant origin, Duration day, double trough, List<Burst> bursts) implements WorkloadShape {

    /**
     * A burst: {@code extra} added to the level from {@code start} for {@code length}, both as fractions of the day.
     */
    public record Burst(double start, double length, double extra) {
        public Burst {
            if (!(start >= 0 && start < 1) || !(length > 0 && length <= 1) || !(extra > 0)) {
                throw new IllegalArgumentException("burst: start in [0, 1), length in (0, 1] and extra > 0; got start "
                        + start + ", length " + length + ", extra " + extra);
            }
        }

        boolean covers(double phase) {
            double into = phase - start;
            if (into < 0) {
                into += 1; // a burst may wrap past the end of the day
            }
            return into < length;
        }
    }

    public DailyShape {
        if (day == null || day.isNegative() || day.isZero()) {
            throw new IllegalArgumentException("day must be > 0, got " + day);
        }
        if (!(trough >= 0 && trough < 1)) {
            throw new IllegalArgumentException("trough must be in [0, 1), got " + trough);
        }
        bursts = List.copyOf(bursts);
    }

    /** The built-in day: trough 0.15, peak at mid-day, a morning burst (+0.35) and an evening one (+0.25). */
    public static DailyShape builtin(Instant origin, Duration day) {
        return new DailyShape(origin, day, 0.15, List.of(new Burst(0.30, 0.04, 0.35), new Burst(0.70, 0.03, 0.25)));
    }

    /**
     * A steady load: a year-long day whose trough is within 0.1 % of its peak, so the level is 1 (to 0.1 %) at
     * every moment; for benchmarks that compare the same load before and during an event.
     */
    public static DailyShape flat(Instant origin) {
        return new DailyShape(origin, Duration.ofDays(365), 0.999, List.of());
    }

    /** Where {@code t} falls in its day, in {@code [0, 1)}. */
    public double phase(Instant t) {
        long into = Math.floorMod(Duration.between(origin, t).toMillis(), day.toMillis());
        return (double) into / day.toMillis();
    }

    @Override
    public double level(Instant t) {
        double phase = phase(t);
        double level = trough + (1 - trough) * (1 - Math.cos(2 * Math.PI * phase)) / 2;
        for (Burst b : bursts) {
            if (b.covers(phase)) {
                level += b.extra();
            }
        }
        return level;
    }

    @Override
    public String describe() {
        if (bursts.isEmpty() && trough >= 0.999) {
            return "a steady load (level 1)";
        }
        return String.format(Locale.ROOT, "daily shape compressed to %ds (trough %.2f, peak 1.0 mid-day, %d bursts)",
                day.toSeconds(), trough, bursts.size());
    }
}
