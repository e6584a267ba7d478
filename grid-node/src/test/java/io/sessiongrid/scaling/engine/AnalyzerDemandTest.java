package io.sessiongrid.scaling.engine;

import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.analyzer.internal.SeasonalSetup;
import io.sessiongrid.scaling.PredictiveSettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzerDemandTest {
    private static ClusterForecast forecast(long lastWindowEnd, long interval) {
        return new ClusterForecast(lastWindowEnd, interval, "m", 10, 1, new double[] {1}, new double[] {0},
                new double[] {2}, 0.95, 0, 1);
    }

    @Test
    void aSeasonalForecastCountsWhileItKeepsUpWithTheShortTermOne() {
        ClusterForecast shortTerm = forecast(600_000, 5_000);
        assertTrue(AnalyzerDemand.current(forecast(540_000, 60_000), shortTerm), "its minute closed 60 s before");
        assertTrue(AnalyzerDemand.current(forecast(480_000, 60_000), shortTerm), "two minutes: still the latest");
        assertFalse(AnalyzerDemand.current(forecast(420_000, 60_000), shortTerm), "left from before a stop");
    }

    @Test
    void theSeasonalForecastReachesAsFarAsAScaleInLooks() {
        assertEquals(PredictiveSettings.DEFAULT_SCALE_IN_LOOKAHEAD, SeasonalSetup.LOOKAHEAD);
    }

    @Test
    void aForecastFromAnAnalyzerThatStoppedIsNotUsed() {
        ClusterForecast f = forecast(600_000, 5_000);
        assertTrue(AnalyzerDemand.fresh(f, 630_000), "30 s after its window: the analyzer's usual lag");
        assertFalse(AnalyzerDemand.fresh(f, 631_000), "six 5 s windows (and 30 s) later: stale");
        assertTrue(AnalyzerDemand.fresh(forecast(600_000, 60_000), 900_000), "six 1 min windows is 6 min");
    }
}
