package io.sessiongrid.forecast;

import io.sessiongrid.forecast.backtest.Backtest;
import io.sessiongrid.forecast.backtest.BacktestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecastersTest {

    private static final int SEASON = 24;
    private static final int HORIZON = 6;
    /** Thirty days of hourly points: daily sine, upward trend, noise. */
    private static final double[] SERIES = Series.seasonal(30 * SEASON, SEASON, 100, 0.05, 20, 2, 42);

    @Test
    void byNameKnowsEveryNameAndRejectsOthersListingTheAllowedOnes() {
        for (String name : Forecasters.NAMES) {
            assertEquals(name, Forecasters.byName(name).name());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Forecasters.byName("prophet"));
        assertTrue(e.getMessage().contains("prophet"), e.getMessage());
        assertTrue(e.getMessage().contains("seasonal_naive, holt_winters, theta, median, weighted, auto"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"holt_winters", "theta", "median", "weighted", "auto"})
    void beatsSeasonalNaiveOnASeasonalSeriesWithTrendAndNoise(String name) {
        Backtest backtest = new Backtest(SEASON, HORIZON);
        BacktestResult naive = backtest.run(Forecasters.seasonalNaive(), "sine", SERIES);
        BacktestResult model = backtest.run(Forecasters.byName(name), "sine", SERIES);
        assertTrue(model.mase() < 0.95 * naive.mase(),
                name + " MASE " + model.mase() + " vs seasonal naive " + naive.mase() + ": " + model.lastModel());
    }

    @ParameterizedTest
    @ValueSource(strings = {"seasonal_naive", "holt_winters", "theta", "median", "weighted", "auto"})
    void intervalsCoverRoughlyTheirConfidence(String name) {
        BacktestResult result = new Backtest(SEASON, HORIZON).run(Forecasters.byName(name), "sine", SERIES);
        assertTrue(result.coverage() >= 0.8 && result.coverage() <= 1.0,
                name + " covered " + result.coverage() + " of actuals with 95% intervals");
    }

    @ParameterizedTest
    @ValueSource(strings = {"seasonal_naive", "holt_winters", "theta", "median", "weighted", "auto"})
    void forecastsHaveTheHorizonWideningIntervalsAndAreDeterministic(String name) {
        Forecaster forecaster = Forecasters.byName(name);
        Forecast f = forecaster.forecast(SERIES, SEASON, 48);
        assertEquals(48, f.horizon());
        assertEquals(Forecast.DEFAULT_CONFIDENCE, f.confidence());
        for (int k = 0; k < 48; k++) {
            assertTrue(f.lower(k) <= f.mean(k) && f.mean(k) <= f.upper(k), "step " + k + ": " + f);
        }
        assertTrue(f.upper(47) - f.lower(47) >= f.upper(0) - f.lower(0), "intervals widen with the horizon");
        assertEquals(f, forecaster.forecast(SERIES, SEASON, 48), "same input, same forecast");
    }

    @ParameterizedTest
    @ValueSource(strings = {"seasonal_naive", "holt_winters", "theta", "median", "weighted", "auto"})
    void updateOnTheSameHistoryReproducesTheForecast(String name) {
        FittedModel model = Forecasters.byName(name).fit(SERIES, SEASON, HORIZON);
        assertArrayEquals(model.forecast(HORIZON).mean(), model.update(SERIES).forecast(HORIZON).mean(), 1e-9);
        double[] longer = Series.seasonal(31 * SEASON, SEASON, 100, 0.05, 20, 2, 42);
        Forecast next = model.update(longer).forecast(HORIZON);
        assertTrue(Arrays.stream(next.mean()).allMatch(Double::isFinite));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seasonal_naive", "holt_winters", "theta", "median", "weighted", "auto"})
    void shortHistoriesDegradeGracefullyAndBadArgumentsAreRefused(String name) {
        Forecaster forecaster = Forecasters.byName(name);
        double[] short10 = Arrays.copyOf(SERIES, 10);
        Forecast f = forecaster.forecast(short10, SEASON, 3);
        assertTrue(Arrays.stream(f.mean()).allMatch(Double::isFinite), f.toString());
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> forecaster.fit(new double[3], SEASON, 1)),
                () -> assertThrows(IllegalArgumentException.class, () -> forecaster.fit(SERIES, 0, 1)),
                () -> assertThrows(IllegalArgumentException.class, () -> forecaster.fit(SERIES, SEASON, 0)),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> forecaster.fit(new double[] {1, 2, Double.NaN, 4, 5}, 1, 1)));
    }

    @Test
    void holtWintersLearnsTheSeasonAndTrendOfACleanSeries() {
        double[] clean = Series.seasonal(20 * SEASON, SEASON, 50, 0.1, 10, 0.0, 1);
        Forecast f = Forecasters.holtWinters().forecast(clean, SEASON, SEASON);
        double[] next = Series.seasonal(21 * SEASON, SEASON, 50, 0.1, 10, 0.0, 1);
        for (int k = 0; k < SEASON; k++) {
            assertEquals(next[clean.length + k], f.mean(k), 1.0, "step " + k); // phi <= 0.98 damps the trend a little
        }
    }

    @Test
    void autoPicksAModelAndSaysWhy() {
        FittedModel model = Forecasters.auto().fit(SERIES, SEASON, HORIZON);
        assertEquals("auto", model.name());
        assertTrue(model.describe().contains("validation MAE"), model.describe());
    }
}
