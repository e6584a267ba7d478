package io.sessiongrid.config.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of {@code sessiongrid.yaml}: a whole number with a unit ({@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 2h}, {@code 1d}), a bare {@code 0}, or ISO-8601 ({@code PT30M}). Signs are not
 * accepted in the short form; range checks (e.g. "> 0") are the validator's job, not the parser's.
 */
public final class DurationFormat {
    /** What is allowed, for error messages. */
    public static final String ALLOWED =
            "a whole number with a unit ms, s, m, h or d (500ms, 30s, 5m, 2h, 1d), a bare 0, or ISO-8601 (PT30M)";

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Map<String, ChronoUnit> UNITS = Map.of(
            "ms", ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES,
            "h", ChronoUnit.HOURS, "d", ChronoUnit.DAYS);

    private DurationFormat() {
    }

    /**
     * Parses one duration.
     *
     * @throws IllegalArgumentException if {@code text} is not in the syntax above or overflows a {@link Duration}
     */
    public static Duration parse(String text) {
        String s = text.strip();
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SHORT.matcher(s);
        try {
            if (m.matches()) {
                return Duration.of(Long.parseLong(m.group(1)), UNITS.get(m.group(2)));
            }
            if (s.startsWith("P") || s.startsWith("p") || s.startsWith("-P") || s.startsWith("+P")) {
                return Duration.parse(s);
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid duration: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration");
    }

    /** The shortest form of this syntax that gives {@code d} back (e.g. {@code 1d}, {@code 90s}, {@code 0}). */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0";
        }
        if (d.isNegative() || d.getNano() % 1_000_000 != 0) {
            return d.toString();
        }
        long ms = d.toMillis();
        String[] units = {"d", "h", "m", "s"};
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1000L};
        for (int i = 0; i < units.length; i++) {
            if (ms % sizes[i] == 0) {
                return ms / sizes[i] + units[i];
            }
        }
        return ms + "ms";
    }
}
