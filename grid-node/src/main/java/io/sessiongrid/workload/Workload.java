package io.sessiongrid.workload;

import io.sessiongrid.forecast.backtest.TraceCsv;
import io.sessiongrid.forecast.backtest.TraceException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The synthetic application a server runs for the connections it owns: each connection makes
 * {@code peakRate × shape.level(now)} requests per second, a {@code writeFraction} of them writes.
 *
 * @param shape         how busy the application is over time
 * @param peakRate      requests per second of one connection at level 1, {@code > 0}
 * @param writeFraction the share of requests that write (the rest read), in {@code [0, 1]}
 * @param valueChars    characters per written element value, {@code >= 1}
 */
public record Workload(WorkloadShape shape, double peakRate, double writeFraction, int valueChars) {
    /** What {@code --workload builtin} runs: a 2-minute day. */
    public static final Duration DEFAULT_DAY = Duration.ofMinutes(2);
    /** Requests per second of one connection at the peak, by default. */
    public static final double DEFAULT_PEAK_RATE = 4.0;
    /** The default share of writes. */
    public static final double DEFAULT_WRITE_FRACTION = 0.3;
    /** Days start at the epoch, so every server process with the same day length is in the same phase. */
    public static final Instant ORIGIN = Instant.EPOCH;

    public Workload {
        if (shape == null) {
            throw new IllegalArgumentException("shape: required");
        }
        if (!(peakRate > 0) || Double.isInfinite(peakRate)) {
            throw new IllegalArgumentException("peakRate must be > 0 requests/s, got " + peakRate);
        }
        if (!(writeFraction >= 0 && writeFraction <= 1)) {
            throw new IllegalArgumentException("writeFraction must be in [0, 1], got " + writeFraction);
        }
        if (valueChars < 1) {
            throw new IllegalArgumentException("valueChars must be >= 1, got " + valueChars);
        }
    }

    /** The built-in daily shape with a day of {@code day}, at the default rates. */
    public static Workload builtin(Duration day) {
        return builtin(day, ORIGIN);
    }

    /** The built-in daily shape with a day of {@code day} whose day 0 starts at {@code origin}. */
    public static Workload builtin(Duration day, Instant origin) {
        return new Workload(DailyShape.builtin(origin, day), DEFAULT_PEAK_RATE, DEFAULT_WRITE_FRACTION, 64);
    }

    /**
     * {@code builtin} or the path of a {@code timestamp,value} trace CSV (read with {@link TraceCsv}; one of its
     * days compressed to {@code day}).
     *
     * @throws WorkloadException when the spec is empty or the trace cannot be read (what was wrong, what is allowed)
     */
    public static Workload parse(String spec, Duration day) {
        return parse(spec, day, ORIGIN);
    }

    /**
     * As {@link #parse(String, Duration)}, with day 0 (or the trace's first point) at {@code origin}: servers
     * started with the same origin play the same moment of the shape.
     */
    public static Workload parse(String spec, Duration day, Instant origin) {
        if (spec == null || spec.isBlank()) {
            throw new WorkloadException("--workload", "empty; allowed: builtin, or a timestamp,value CSV file", null);
        }
        if (day == null || day.isNegative() || day.isZero()) {
            throw new WorkloadException("--workload", "the day length must be > 0, got " + day, null);
        }
        if (spec.equals("builtin")) {
            return builtin(day, origin);
        }
        try {
            return new Workload(TraceShape.of(TraceCsv.read(Path.of(spec)), origin, day), DEFAULT_PEAK_RATE,
                    DEFAULT_WRITE_FRACTION, 64);
        } catch (TraceException e) {
            throw new WorkloadException("--workload " + spec, e.getMessage()
                    + " (allowed: builtin, or a timestamp,value CSV file)", e);
        }
    }

    /** Requests per second of one connection at {@code t}. */
    public double rate(Instant t) {
        return peakRate * shape.level(t);
    }

    /** This workload at another peak rate. */
    public Workload withPeakRate(double rate) {
        return new Workload(shape, rate, writeFraction, valueChars);
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s; %.1f requests/s per connection at peak, %.0f%% writes", shape.describe(),
                peakRate, writeFraction * 100);
    }
}
