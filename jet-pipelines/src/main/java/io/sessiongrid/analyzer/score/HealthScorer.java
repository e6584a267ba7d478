package io.sessiongrid.analyzer.score;

import io.sessiongrid.forecast.Forecast;
import io.sessiongrid.forecast.OnlineHolt;

/**
 * The health score formula (documented in the {@linkplain io.sessiongrid.analyzer.score package doc}). Pure:
 * no clock, no I/O; immutable and thread-safe. O(horizon) per call.
 */
public final class HealthScorer {
    /** How much churn can take off stability. */
    public static final double CHURN_WEIGHT = 0.8;
    /** How much a decline can take off stability. */
    public static final double DECLINE_WEIGHT = 0.5;
    /** The usage factor's floor: a stable but quiet connection keeps this share of its stability. */
    public static final double USAGE_FLOOR = 0.1;
    /** Below this, a penalty is not worth naming. */
    static final double NOTABLE = 0.1;

    private final ScoreParams params;

    public HealthScorer(ScoreParams params) {
        this.params = params;
    }

    public ScoreParams params() {
        return params;
    }

    /** Scores {@code health}; a closed connection or one never observed scores 0. */
    public Score score(ConnectionHealth health) {
        if (health.closed()) {
            return new Score(0, 0, 0, 1, 0, health.errorRate(), "closed");
        }
        if (health.observations() == 0) {
            return new Score(0, 0, 0, 0, 0, 0, "no data yet");
        }
        OnlineHolt holt = health.holt();
        int h = params.horizonSteps();
        Forecast forecast = holt.forecast(h);
        double perWindow = 0;
        for (int k = 0; k < h; k++) {
            perWindow += Math.max(0, forecast.mean(k));
        }
        perWindow /= h;
        double predictedRate = perWindow * 1000.0 / params.intervalMillis();
        double usage = predictedRate / (predictedRate + params.referenceRate());

        int s = health.idleStreak();
        double typicalGap = health.gaps() > 0 ? health.meanGap() : 1;
        double churn = s / (s + typicalGap + 1);

        double level = Math.max(holt.level(), 1);
        double decline = holt.trend() < 0 ? clamp01(-holt.trend() * h / level) : 0;

        double errors = clamp01(health.errorRate());
        double stability = (1 - CHURN_WEIGHT * churn) * (1 - DECLINE_WEIGHT * decline) * (1 - errors);
        double usageFactor = USAGE_FLOOR + (1 - USAGE_FLOOR) * usage;
        int score = (int) Math.round(100 * clamp01(stability * usageFactor));
        return new Score(score, predictedRate, usage, churn, decline, errors,
                reason(1 - usageFactor, CHURN_WEIGHT * churn, DECLINE_WEIGHT * decline, errors));
    }

    private static String reason(double lowUsage, double churn, double decline, double errors) {
        double worst = Math.max(churn, Math.max(decline, errors));
        if (worst >= NOTABLE) {
            if (worst == churn) {
                return "idle gaps: likely to go away";
            }
            return worst == decline ? "declining usage" : "errors";
        }
        return lowUsage >= NOTABLE ? "low predicted usage" : "steady";
    }

    private static double clamp01(double x) {
        return x < 0 || Double.isNaN(x) ? 0 : Math.min(1, x);
    }
}
