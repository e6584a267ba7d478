package io.sessiongrid.analyzer.score;

/**
 * A computed health score and its parts (see the package doc for the formula).
 *
 * @param score         0-100
 * @param predictedRate predicted requests per second, averaged over the horizon
 * @param usage         {@code predictedRate / (predictedRate + referenceRate)}, in [0, 1)
 * @param churn         in [0, 1]
 * @param decline       in [0, 1]
 * @param errorRate     in [0, 1]
 * @param reason        the largest penalty, in words
 */
public record Score(int score, double predictedRate, double usage, double churn, double decline, double errorRate,
                    String reason) {
}
