package io.sessiongrid.node.bench;

/**
 * One measured result of a benchmark against its baseline.
 *
 * @param metric       what was measured, e.g. {@code get_ops_per_s}
 * @param mode         how, e.g. {@code embedded} or {@code client}
 * @param sessiongrid  SessionGrid's value
 * @param baseline     the baseline's value in the same run
 * @param baselineName what the baseline is
 * @param target       the bar, e.g. {@code ">= 0.9"} (on the ratio) or {@code "value <= 50"}; {@code null} for a
 *                     cost that is reported beside a benefit without a bar of its own
 * @param met          whether this run met the bar (true when there is none)
 */
public record BenchResult(String metric, String mode, double sessiongrid, double baseline,
                          String baselineName, String target, boolean met) {

    /** Whether this result has a bar (costs reported for the record have none). */
    public boolean hasTarget() {
        return target != null;
    }

    /** sessiongrid / baseline; NaN when the baseline is 0. */
    public double ratio() {
        return baseline == 0 ? Double.NaN : sessiongrid / baseline;
    }

    public static BenchResult ratioAtLeast(String metric, String mode, double sessiongrid, double baseline,
                                           String baselineName, double bar) {
        double ratio = sessiongrid / baseline;
        return new BenchResult(metric, mode, sessiongrid, baseline, baselineName, ">= " + bar, ratio >= bar);
    }

    public static BenchResult ratioAtMost(String metric, String mode, double sessiongrid, double baseline,
                                          String baselineName, double bar) {
        double ratio = sessiongrid / baseline;
        return new BenchResult(metric, mode, sessiongrid, baseline, baselineName, "<= " + bar, ratio <= bar);
    }

    /** A bar on SessionGrid's own value rather than on the ratio. */
    public static BenchResult valueAtLeast(String metric, String mode, double sessiongrid, double baseline,
                                           String baselineName, double bar) {
        return new BenchResult(metric, mode, sessiongrid, baseline, baselineName, "value >= " + bar, sessiongrid >= bar);
    }

    /** A bar on SessionGrid's own value rather than on the ratio. */
    public static BenchResult valueAtMost(String metric, String mode, double sessiongrid, double baseline,
                                          String baselineName, double bar) {
        return new BenchResult(metric, mode, sessiongrid, baseline, baselineName, "value <= " + bar, sessiongrid <= bar);
    }

    /** A cost reported beside the benefit it buys, with no bar of its own ({@code target} and {@code met} null in JSON). */
    public static BenchResult cost(String metric, String mode, double sessiongrid, double baseline,
                                   String baselineName) {
        return new BenchResult(metric, mode, sessiongrid, baseline, baselineName, null, true);
    }

    /**
     * A value target with no peer to compare against: {@code baseline} and {@code ratio} are NaN, written as null
     * in the JSON (project conventions).
     */
    public static BenchResult valueOnlyAtMost(String metric, String mode, double sessiongrid, double bar) {
        return new BenchResult(metric, mode, sessiongrid, Double.NaN, "none (value target)", "value <= " + bar,
                sessiongrid <= bar);
    }
}
