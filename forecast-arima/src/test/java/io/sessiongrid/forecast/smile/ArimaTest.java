package io.sessiongrid.forecast.smile;

import io.sessiongrid.forecast.FittedModel;
import io.sessiongrid.forecast.Forecast;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArimaTest {

    @Test
    void recoversAnAr1ProcessAndItsMean() {
        Random random = new Random(3);
        double[] y = new double[3000];
        y[0] = 10;
        for (int t = 1; t < y.length; t++) {
            y[t] = 10 + 0.7 * (y[t - 1] - 10) + random.nextGaussian();
        }
        FittedModel model = new Arima().fit(y, 1, 1);
        Forecast f = model.forecast(200);
        assertEquals(10, f.mean(199), 0.5, model.describe());
        double expected = 10 + 0.7 * (y[y.length - 1] - 10);
        assertEquals(expected, f.mean(0), 0.3, model.describe());
        double sd = (f.upper(0) - f.mean(0)) / 1.96;
        assertEquals(1.0, sd, 0.1, "one-step sd, " + model.describe());
    }

    @Test
    void seasonalDifferencingForecastsARepeatingPatternWithDrift() {
        int season = 12;
        Random random = new Random(5);
        double[] y = new double[season * 40];
        for (int t = 0; t < y.length; t++) {
            y[t] = 0.2 * t + 10 * Math.sin(2 * Math.PI * t / season) + 0.3 * random.nextGaussian();
        }
        Forecast f = new Arima().forecast(y, season, season);
        for (int k = 0; k < season; k++) {
            int t = y.length + k;
            assertEquals(0.2 * t + 10 * Math.sin(2 * Math.PI * t / season), f.mean(k), 1.5, "step " + k);
        }
    }

    @Test
    void psiWeightsOfARandomWalkAreAllOne() {
        ArimaModel walk = new ArimaModel(new Arima(), new Differencing(1, 0, 1), new double[0], new double[0], 0, 4,
                new double[] {7}, new double[0], new double[0]);
        assertEquals(5, walk.psiWeights(5).length);
        for (double psi : walk.psiWeights(5)) {
            assertEquals(1, psi, 1e-12);
        }
        Forecast f = walk.forecast(4);
        assertEquals(7, f.mean(3));
        assertTrue(Math.abs((f.upper(3) - f.mean(3)) - 1.96 * 2 * 2) < 0.01, "variance grows linearly: " + f);
    }
}
