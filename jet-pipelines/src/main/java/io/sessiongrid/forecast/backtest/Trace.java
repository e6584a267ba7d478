package io.sessiongrid.forecast.backtest;

import java.util.Arrays;

/**
 * A regularly spaced series read from a trace file.
 *
 * @param name        the file name
 * @param stepSeconds the step between points, in seconds
 * @param values      the values, oldest first, gaps filled
 * @param rows        the data rows read
 * @param filled      how many points were missing and filled by linear interpolation
 */
public record Trace(String name, double stepSeconds, double[] values, int rows, int filled) {

    public Trace {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The number of points, gaps included. */
    public int length() {
        return values.length;
    }

    /** One day in steps (at least 1): the default season. */
    public int defaultSeason() {
        return Math.max(1, (int) Math.round(86_400 / stepSeconds));
    }

    /** One hour in steps (at least 1): the default horizon. */
    public int defaultHorizon() {
        return Math.max(1, (int) Math.round(3_600 / stepSeconds));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trace t && name.equals(t.name) && stepSeconds == t.stepSeconds && rows == t.rows
                && filled == t.filled && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Trace[" + name + ", " + values.length + " points, step " + stepSeconds + " s, " + filled + " filled]";
    }
}
