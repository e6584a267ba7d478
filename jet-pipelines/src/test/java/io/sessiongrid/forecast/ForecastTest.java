package io.sessiongrid.forecast;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ForecastTest {

    @Test
    void isImmutableAndBuildsNinetyFivePercentIntervalsFromVariances() {
        double[] mean = {10, 20};
        Forecast f = Forecast.withVariances(mean, new double[] {4, -1});
        mean[0] = 99;
        f.mean()[1] = 99;
        assertEquals(10, f.mean(0));
        assertEquals(20, f.mean(1));
        assertEquals(10 - 1.959964 * 2, f.lower(0), 1e-5);
        assertEquals(10 + 1.959964 * 2, f.upper(0), 1e-5);
        assertEquals(20, f.lower(1), "a negative variance counts as 0");
        assertEquals(0.95, f.confidence());
    }

    @Test
    void refusesMismatchedArraysAndBadConfidence() {
        assertThrows(IllegalArgumentException.class, () -> new Forecast(new double[1], new double[2], new double[1], 0.9));
        assertThrows(IllegalArgumentException.class, () -> new Forecast(new double[0], new double[0], new double[0], 0.9));
        assertThrows(IllegalArgumentException.class, () -> new Forecast(new double[1], new double[1], new double[1], 1.0));
    }
}
