package io.sessiongrid.scaling;

import io.sessiongrid.config.ScalingConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromotionTest {
    private static final ScalingLimits LIMITS = new ScalingLimits(100, 0.7, 1, 10);

    @Test
    void immediateAlwaysNeverNever() {
        assertTrue(Promotion.promoteNow(ScalingConfig.Promotion.IMMEDIATE, 900, 3, LIMITS, 0.6));
        assertFalse(Promotion.promoteNow(ScalingConfig.Promotion.NEVER, 0, 3, LIMITS, 0.6));
    }

    @Test
    void troughWaitsForAForecastBelowTheScaleInThreshold() {
        assertFalse(Promotion.promoteNow(ScalingConfig.Promotion.TROUGH, 200, 3, LIMITS, 0.6), "67 %: busy");
        assertTrue(Promotion.promoteNow(ScalingConfig.Promotion.TROUGH, 150, 3, LIMITS, 0.6), "50 %: a trough");
        assertFalse(Promotion.promoteNow(ScalingConfig.Promotion.TROUGH, 0, 0, LIMITS, 0.6), "no ready servers");
    }
}
