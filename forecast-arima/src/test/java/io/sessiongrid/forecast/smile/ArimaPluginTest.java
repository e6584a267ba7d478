package io.sessiongrid.forecast.smile;

import io.sessiongrid.forecast.FittedModel;
import io.sessiongrid.forecast.Forecasters;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With this module on the class path, ServiceLoader brings arima to the forecasters, auto and the combinations. */
class ArimaPluginTest {

    private static double[] series() {
        double[] y = new double[20 * 24];
        java.util.Random random = new java.util.Random(8);
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 20 * Math.sin(2 * Math.PI * t / 24) + 3 * random.nextGaussian();
        }
        return y;
    }

    @Test
    void arimaIsFoundByNameAndListedAfterTheBuiltInSingleModels() {
        assertInstanceOf(Arima.class, Forecasters.byName(Forecasters.ARIMA));
        assertEquals(List.of("seasonal_naive", "holt_winters", "theta", "arima", "median", "weighted", "auto"),
                Forecasters.NAMES);
    }

    @Test
    void autoAndTheCombinationsUseIt() {
        FittedModel auto = Forecasters.auto().fit(series(), 24, 6);
        assertTrue(auto.describe().contains("arima="), auto.describe());
        FittedModel median = Forecasters.median().fit(series(), 24, 6);
        assertTrue(median.describe().contains("arima("), median.describe());
    }
}
