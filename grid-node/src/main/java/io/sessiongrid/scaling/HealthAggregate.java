package io.sessiongrid.scaling;

/**
 * The connections' health scores summed over the cluster: a bottom-up estimate of demand beside the cluster
 * forecast's top-down one.
 *
 * @param connections    how many connections have a score
 * @param predictedUsage the sum of their predicted usage over the horizon (requests/s)
 * @param churn          the share of that usage expected to leave over the horizon (idle gaps, declining trend,
 *                       errors), in [0, 1]
 */
public record HealthAggregate(int connections, double predictedUsage, double churn) {

    /** No scores (no connections tracked, or the analyzer is warming up). */
    public static final HealthAggregate NONE = new HealthAggregate(0, 0, 0);

    public HealthAggregate {
        if (connections < 0 || !(predictedUsage >= 0) || !(churn >= 0 && churn <= 1)) {
            throw new IllegalArgumentException("HealthAggregate needs connections >= 0, predictedUsage >= 0 and "
                    + "churn in [0, 1]; got " + connections + ", " + predictedUsage + ", " + churn);
        }
    }

    /** The usage expected to stay over the horizon. */
    public double retainedUsage() {
        return predictedUsage * (1 - churn);
    }
}
