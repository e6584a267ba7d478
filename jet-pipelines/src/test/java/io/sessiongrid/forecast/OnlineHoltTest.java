package io.sessiongrid.forecast;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnlineHoltTest {

    @Test
    void tracksALinearTrendExactly() {
        OnlineHolt holt = new OnlineHolt();
        for (int t = 0; t < 50; t++) {
            holt.update(3 + 2.0 * t);
        }
        assertEquals(2.0, holt.trend(), 1e-9);
        Forecast f = holt.forecast(5);
        for (int k = 0; k < 5; k++) {
            assertEquals(3 + 2.0 * (50 + k), f.mean(k), 1e-9);
        }
        assertEquals(0, holt.residualVariance(), 1e-12);
    }

    @Test
    void followsANoisyTrendChangeAndWidensIntervalsWithTheHorizon() {
        Random random = new Random(7);
        OnlineHolt holt = new OnlineHolt();
        for (int t = 0; t < 200; t++) {
            holt.update(100 + random.nextGaussian());
        }
        for (int t = 0; t < 100; t++) {
            holt.update(100 + 0.5 * t + random.nextGaussian());
        }
        assertEquals(0.5, holt.trend(), 0.15);
        assertEquals(300, holt.count());
        double sigma = Math.sqrt(holt.residualVariance());
        assertTrue(sigma > 0.7 && sigma < 2.5, "one-step sigma " + sigma);
        Forecast f = holt.forecast(10);
        assertEquals(100 + 0.5 * 109, f.mean(9), 3);
        assertTrue(f.upper(9) - f.lower(9) > f.upper(0) - f.lower(0));
    }

    @Test
    void intervalsCoverAboutNinetyFivePercentOfOneStepAheadValues() {
        Random random = new Random(11);
        OnlineHolt holt = new OnlineHolt();
        int inside = 0;
        int scored = 0;
        double level = 50;
        for (int t = 0; t < 3000; t++) {
            level += 0.2 * random.nextGaussian();
            double y = level + random.nextGaussian();
            if (t > 100) {
                Forecast f = holt.forecast(1);
                inside += y >= f.lower(0) && y <= f.upper(0) ? 1 : 0;
                scored++;
            }
            holt.update(y);
        }
        double coverage = (double) inside / scored;
        assertTrue(coverage > 0.9 && coverage < 0.99, "coverage " + coverage);
    }

    @Test
    void refusesBadInputAndForecastsBeforeData() {
        assertThrows(IllegalArgumentException.class, () -> new OnlineHolt(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new OnlineHolt(0.5, 1.5));
        OnlineHolt holt = new OnlineHolt();
        assertThrows(IllegalStateException.class, () -> holt.forecast(1));
        assertThrows(IllegalArgumentException.class, () -> holt.update(Double.NaN));
        holt.update(4);
        assertEquals(4, holt.forecast(3).mean(2));
        assertThrows(IllegalArgumentException.class, () -> holt.forecast(0));
    }
}
