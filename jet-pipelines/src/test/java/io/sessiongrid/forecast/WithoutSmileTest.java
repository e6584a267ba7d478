package io.sessiongrid.forecast;

import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.analyzer.internal.ClusterForecaster;
import io.sessiongrid.forecast.backtest.Backtest;
import io.sessiongrid.forecast.backtest.BacktestResult;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Smile (GPL-3.0) is optional: this module does not depend on it, so these tests run without it and show that
 * the forecasters, {@code auto}, what the {@code forecast} command runs and the analyzer's cluster forecast work.
 */
class WithoutSmileTest {

    private static final double[] SERIES = Series.seasonal(30 * 24, 24, 100, 0.05, 20, 2, 42);

    @Test
    void smileAndArimaAreAbsentAndTheErrorSaysWhereArimaComesFrom() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("smile.timeseries.AR"));
        assertFalse(Forecasters.available(Forecasters.ARIMA));
        assertEquals(java.util.List.of("seasonal_naive", "holt_winters", "theta", "median", "weighted", "auto"),
                Forecasters.NAMES);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Forecasters.byName(Forecasters.ARIMA));
        assertTrue(e.getMessage().contains("sessiongrid-forecast-arima"), e.getMessage());
    }

    @Test
    void everyForecasterBacktestsAsTheForecastCommandDoesAndAutoBeatsTheBaseline() {
        Backtest backtest = new Backtest(24, 6);
        Map<String, BacktestResult> results = new HashMap<>();
        for (String name : Forecasters.NAMES) {
            results.put(name, backtest.run(Forecasters.byName(name), "sine", SERIES));
        }
        BacktestResult auto = results.get("auto");
        assertTrue(auto.mase() < 0.9 * results.get("seasonal_naive").mase(), auto.toString());
        assertFalse(auto.lastModel().contains("arima"), auto.lastModel());
        assertTrue(auto.coverage() >= 0.85 && auto.coverage() <= 1, auto.toString());
    }

    @Test
    void theAnalyzersClusterForecastRunsOnAuto() {
        ClusterForecaster f = new ClusterForecaster(Forecasters.auto(), 5000, 300, 9, 1, 30, Runnable::run);
        ClusterForecast last = null;
        for (int i = 0; i < SERIES.length; i++) {
            last = f.accept(i * 5000L, SERIES[i]);
        }
        assertNotNull(last);
        assertEquals(9, last.mean().length);
        assertTrue(last.model().startsWith("auto"), last.model());
    }
}
