package io.sessiongrid.profiler;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileWindowsTest {
    private static Telemetry t(long at, int vms) {
        return new Telemetry("app", at, vms, 0.5, 1_000, 100, 300, 2_000, 50);
    }

    @Test
    void aWindowClosesWhenALaterOneStartsAndSummarisesItsRecords() {
        ProfileWindows w = new ProfileWindows(1_000, 100);
        assertNull(w.accept(t(0, 3)));
        assertNull(w.accept(t(999, 5)));
        ProfileWindows.Window closed = w.accept(t(1_000, 4));
        assertEquals(0, closed.start());
        assertEquals(1_000, closed.end());
        assertEquals(2, closed.samples());
        assertEquals(5, closed.vmCount(), "the largest VM count of the window");
        assertEquals(0.5, closed.cpu(), 1e-9);
        assertEquals(800, closed.networkBytesPerSecond(), 1e-9, "(100 + 300) x 2 records in one second");
        assertEquals(100, closed.interVmBytesPerSecond(), 1e-9);
        assertArrayEquals(new double[] {5}, w.history());
    }

    @Test
    void emptyWindowsRepeatTheLastCountAndLateRecordsAreDropped() {
        ProfileWindows w = new ProfileWindows(1_000, 100);
        w.accept(t(500, 2));
        w.accept(t(3_200, 7));
        assertArrayEquals(new double[] {2, 2, 2}, w.history(), "windows 1 and 2 had no records");
        assertNull(w.accept(t(2_999, 9)));
        assertEquals(1, w.late());
        w.accept(t(4_000, 1));
        assertArrayEquals(new double[] {2, 2, 2, 7}, w.history());
    }

    @Test
    void historyIsBounded() {
        ProfileWindows w = new ProfileWindows(10, 8);
        for (int i = 0; i < 50; i++) {
            w.accept(t(i * 10L, i));
        }
        assertEquals(8, w.history().length);
        assertEquals(48, w.history()[7], 1e-9);
    }

    @Test
    void aForecastOfARisingClusterPredictsGrowthWithAnIntervalAroundIt() {
        ProfilerConfig config = new ProfilerConfig(Duration.ofSeconds(1), 5, 100, 1, "holt_winters");
        double[] history = new double[40];
        for (int i = 0; i < history.length; i++) {
            history[i] = 10 + i;
        }
        ProfileWindows.Window w = new ProfileWindows.Window("app", 0, 1_000, 1, 49, 0.5, 1, 1, 1, 1);
        AppProfile p = VmForecasting.profile(w, history, config);
        assertTrue(p.predictedVms() > 49, "growth continues: " + p);
        assertTrue(p.lowerBound() <= p.predictedVms() && p.predictedVms() <= p.upperBound(), p.toString());
        assertTrue(p.confidence() > 0 && p.confidence() <= 1, p.toString());
        assertEquals(5_000, p.horizonMillis());
        assertEquals("holt_winters", p.model());
    }

    @Test
    void tooLittleHistoryRepeatsTheLastCountWithNoConfidence() {
        ProfilerConfig config = new ProfilerConfig(Duration.ofSeconds(1), 5, 100, 1, "holt_winters");
        ProfileWindows.Window w = new ProfileWindows.Window("app", 0, 1_000, 1, 6, 0.5, 1, 1, 1, 1);
        AppProfile p = VmForecasting.profile(w, new double[] {5, 6}, config);
        assertEquals(6, p.predictedVms());
        assertEquals(0, p.confidence());
        assertEquals("last_value", p.model());
    }

    @Test
    void confidenceGrowsWithHistoryAndShrinksWithTheInterval() {
        assertEquals(1.0, VmForecasting.confidence(10, 10, 10, 100, 5), 1e-9);
        assertEquals(0.5, VmForecasting.confidence(10, 0, 20, 100, 5), 1e-9, "interval as wide as the prediction");
        assertEquals(0.5, VmForecasting.confidence(10, 10, 10, 10, 5), 1e-9, "half the history it wants");
    }
}
