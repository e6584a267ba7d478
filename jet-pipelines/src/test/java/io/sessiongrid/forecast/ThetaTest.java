package io.sessiongrid.forecast;

import io.sessiongrid.forecast.backtest.Backtest;
import io.sessiongrid.forecast.backtest.BacktestResult;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThetaTest {

    @Test
    void onANoiseFreeLineItExtrapolatesHalfTheSlope() {
        double[] y = new double[200];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 2 * t;
        }
        FittedModel model = Forecasters.theta().fit(y, 1, 5);
        Forecast f = model.forecast(5);
        // alpha -> 1, so the level is the last value and the drift is half the least-squares slope (theta = 2)
        for (int k = 0; k < 5; k++) {
            assertEquals(y[199] + (k + 1) * 1.0, f.mean(k), 0.05, "step " + k + ": " + model.describe());
        }
    }

    @Test
    void learnsAMultiplicativeSeasonAndForecastsIt() {
        int m = 24;
        Random random = new Random(5);
        double[] y = new double[31 * m];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 40 * Math.sin(2 * Math.PI * t / m) + random.nextGaussian();
        }
        double[] history = java.util.Arrays.copyOf(y, 30 * m);
        FittedModel model = Forecasters.theta().fit(history, m, m);
        assertTrue(model.describe().contains("season=x24"), model.describe());
        Forecast f = model.forecast(m);
        for (int k = 0; k < m; k++) {
            double truth = 100 + 40 * Math.sin(2 * Math.PI * (history.length + k) / m);
            assertEquals(truth, f.mean(k), 3, "step " + k + ": " + model.describe());
        }
    }

    @Test
    void noSeasonIsRemovedFromWhiteNoise() {
        Random random = new Random(9);
        double[] y = new double[30 * 24];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + random.nextGaussian();
        }
        FittedModel model = Forecasters.theta().fit(y, 24, 6);
        assertTrue(model.describe().contains("season=none"), model.describe());
    }

    @Test
    void aBurstOfSpikesDoesNotHoldTheLevelUpAfterwards() {
        // a spike every 12 points for 1,000 points (as on ec2_network_in), then quiet at level 200
        Random random = new Random(1);
        double[] y = new double[2000];
        for (int t = 0; t < y.length; t++) {
            y[t] = 200 + random.nextGaussian() + (t < 1000 && t % 12 == 0 ? 5000 : 0);
        }
        Forecast f = Forecasters.theta().forecast(y, 1, 12);
        for (int k = 0; k < 12; k++) {
            assertEquals(200, f.mean(k), 10, "step " + k);
        }
    }

    @Test
    void intervalsOfWhiteNoiseHaveItsSpreadAndCoverage() {
        Random random = new Random(2);
        double[] y = new double[3000];
        for (int t = 0; t < y.length; t++) {
            y[t] = 10 + random.nextGaussian();
        }
        Forecast f = Forecasters.theta().forecast(y, 1, 1);
        double sd = (f.upper(0) - f.mean(0)) / 1.96;
        assertEquals(1.0, sd, 0.15, "one-step sd");
        BacktestResult result = new Backtest(1, 4).run(Forecasters.theta(), "noise", y);
        assertTrue(result.coverage() >= 0.9 && result.coverage() <= 0.99, "coverage " + result.coverage());
    }

    @Test
    void updateReplaysAlphaOnANewHistory() {
        double[] y = Series.seasonal(20 * 24, 24, 100, 0.05, 20, 2, 4);
        FittedModel model = Forecasters.theta().fit(y, 24, 6);
        assertEquals(model, model.update(y), "same history, same model");
        assertEquals(model.describe().replaceAll(",.*", ""),
                model.update(Series.seasonal(21 * 24, 24, 100, 0.05, 20, 2, 4)).describe().replaceAll(",.*", ""),
                "alpha is kept");
    }

    @Test
    void seasonalIndicesAreRobustToASpikedSeason() {
        int m = 4;
        double[] y = new double[400];
        for (int t = 0; t < y.length; t++) {
            y[t] = 10 + (t % m == 1 ? 4 : 0) + (t == 201 ? 80 : 0); // one spike at phase 1: a mean moves 0.8
        }
        SeasonalIndices indices = SeasonalIndices.estimate(y, m);
        assertTrue(indices.multiplicative());
        double mean = 11; // the level of the pattern 10, 14, 10, 10
        assertEquals(14 / mean, indices.index()[1], 0.02, java.util.Arrays.toString(indices.index()));
        assertEquals(10 / mean, indices.index()[0], 0.02, java.util.Arrays.toString(indices.index()));
        assertEquals(6.0, SeasonalIndices.trimmedMean(new double[] {1, 5, 6, 7, 100}, 0.25), 1e-12);
        double[] trend = SeasonalIndices.centredMovingAverage(new double[] {1, 2, 3, 4, 5, 6}, 2);
        assertEquals(3, trend[2], 1e-12);
        assertTrue(Double.isNaN(trend[0]));
    }
}
