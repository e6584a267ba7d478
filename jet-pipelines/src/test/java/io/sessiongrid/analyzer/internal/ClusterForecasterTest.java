package io.sessiongrid.analyzer.internal;

import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.forecast.Forecasters;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterForecasterTest {

    @Test
    void forecastsWithIntervalsOnceEnoughHistoryIsIn() {
        ClusterForecaster f = new ClusterForecaster(Forecasters.holtWinters(), 5000, 100, 9, 1, 20);
        assertNull(f.accept(5000, 100));
        ClusterForecast last = null;
        for (int i = 2; i <= 150; i++) {
            last = f.accept(i * 5000L, 100 + 2 * i);
        }
        assertNotNull(last);
        assertEquals(9, last.mean().length);
        assertEquals(100, last.historyPoints(), "the history is bounded");
        for (int k = 0; k < 9; k++) {
            assertTrue(last.lower()[k] <= last.mean()[k] && last.mean()[k] <= last.upper()[k]);
        }
        assertTrue(last.mean()[8] > last.lastActual(), "a rising series is forecast to keep rising: " + last);
        assertTrue(last.lastErrorPct() >= 0 && last.lastErrorPct() < 10, last.toString());
    }
}
