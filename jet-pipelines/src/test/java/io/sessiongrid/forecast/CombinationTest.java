package io.sessiongrid.forecast;

import io.sessiongrid.forecast.backtest.Backtest;
import io.sessiongrid.forecast.backtest.BacktestResult;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CombinationTest {

    /** A deliberately bad member: always forecasts a constant, with a narrow interval. */
    private record Constant(double value) implements Forecaster, FittedModel {
        @Override
        public String name() {
            return "constant";
        }

        @Override
        public FittedModel fit(double[] history, int season, int horizon) {
            return this;
        }

        @Override
        public String describe() {
            return "constant(" + value + ")";
        }

        @Override
        public Forecast forecast(int horizon) {
            double[] mean = new double[horizon];
            Arrays.fill(mean, value);
            return Forecast.withVariances(mean, new double[horizon]);
        }

        @Override
        public FittedModel update(double[] history) {
            return this;
        }
    }

    private static Forecast forecast(double mean, double halfWidth) {
        return new Forecast(new double[] {mean}, new double[] {mean - halfWidth}, new double[] {mean + halfWidth}, 0.95);
    }

    @Test
    void weightsAreInverseSquaredErrorsAndSkipWhatIsNotFinite() {
        assertArrayEquals(new double[] {0.8, 0.2, 0}, CombinedModel.weights(new double[] {1, 2,
                Double.POSITIVE_INFINITY}), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5}, CombinedModel.weights(new double[] {Double.NaN, Double.NaN}),
                1e-12, "no backtest: equal weights");
        assertArrayEquals(new double[] {0, 1}, CombinedModel.weights(new double[] {3, 0}), 1e-12,
                "a perfect member takes all the weight");
    }

    @Test
    void theMedianAndTheWeightedMeanOfKnownForecasts() {
        Forecast[] members = {forecast(10, 1), forecast(12, 3), forecast(100, 50)};
        Forecast median = CombinedModel.combine(Combination.Kind.MEDIAN, new double[3], members);
        assertEquals(12, median.mean(0), 1e-12);
        assertEquals(9, median.lower(0), 1e-12, "the median of the lower bounds 9, 9, 50");
        assertEquals(15, median.upper(0), 1e-12, "the median of the upper bounds 11, 15, 150");
        Forecast weighted = CombinedModel.combine(Combination.Kind.WEIGHTED, new double[] {0.5, 0.5, 0}, members);
        assertEquals(11, weighted.mean(0), 1e-12);
        assertEquals(9, weighted.lower(0), 1e-12);
        assertEquals(13, weighted.upper(0), 1e-12);
    }

    @Test
    void aMemberThatGoesAstrayGetsAlmostNoWeightAndCannotMoveTheMedian() {
        double[] y = Series.seasonal(30 * 24, 24, 100, 0.05, 20, 2, 7);
        List<Forecaster> members = List.of(Forecasters.holtWinters(), Forecasters.theta(), new Constant(-1000));
        Backtest backtest = new Backtest(24, 6);
        BacktestResult good = backtest.run(Forecasters.holtWinters(), "s", y);
        BacktestResult weighted = backtest.run(new Combination(Combination.Kind.WEIGHTED, members), "s", y);
        BacktestResult median = backtest.run(new Combination(Combination.Kind.MEDIAN, members), "s", y);
        assertTrue(weighted.mase() < 1.2 * good.mase(), weighted.mase() + " vs " + good.mase() + ": "
                + weighted.lastModel());
        assertTrue(median.mase() < 1.5 * good.mase(), median.mase() + " vs " + good.mase());
        assertTrue(weighted.lastModel().contains("0.00 x constant"), weighted.lastModel());
    }

    @Test
    void combiningTwoUnbiasedIndependentForecastsHalvesTheVariance() {
        // y = 0 + noise; member i forecasts y + its own independent error: the equal-weight mean has half the MSE
        Random random = new Random(11);
        int n = 4000;
        double mse1 = 0;
        double mseMean = 0;
        for (int t = 0; t < n; t++) {
            double e1 = random.nextGaussian();
            double e2 = random.nextGaussian();
            Forecast c = CombinedModel.combine(Combination.Kind.WEIGHTED, new double[] {0.5, 0.5},
                    new Forecast[] {forecast(e1, 1.96), forecast(e2, 1.96)});
            mse1 += e1 * e1 / n;
            mseMean += c.mean(0) * c.mean(0) / n;
        }
        assertEquals(0.5, mseMean / mse1, 0.05);
    }

    @Test
    void autoKeepsTheCombinationUnlessASingleModelIsClearlyBetter() {
        int origins = 40;
        double[] history = new double[200];
        int[] at = new int[origins];
        Forecast[] perfect = new Forecast[origins];
        Forecast[] slightlyBetter = new Forecast[origins];
        Forecast[] combination = new Forecast[origins];
        Random random = new Random(3);
        for (int o = 0; o < origins; o++) {
            at[o] = 100 + o;
            perfect[o] = forecast(history[at[o]], 1);
            combination[o] = forecast(history[at[o]] + 1 + 0.1 * random.nextGaussian(), 1);
            // better on average by 0.05, but by +-1 from origin to origin: noise
            slightlyBetter[o] = forecast(history[at[o]] + (o % 2 == 0 ? 0.05 : 1.85), 1);
        }
        List<FittedModel> models = List.of(new Constant(0), new Constant(1), new Constant(2));
        assertEquals(0, AutoForecaster.choose(models, List.of(perfect, slightlyBetter, combination), 2, history, at),
                "a single model better at every origin is chosen");
        assertEquals(2, AutoForecaster.choose(models, List.of(slightlyBetter, slightlyBetter, combination), 2,
                history, at), "a single model better only within the noise is not");
    }

    @Test
    void autoCalibratesIntervalsThatSpikesMadeFarTooWide() {
        // quiet noise with a rare huge spike: Gaussian intervals from the inflated variance cover everything
        Random random = new Random(4);
        double[] y = new double[3000];
        for (int t = 0; t < y.length; t++) {
            y[t] = 1000 + 10 * Math.sin(2 * Math.PI * t / 24) + random.nextGaussian() + (t % 500 == 7 ? 1e5 : 0);
        }
        Backtest backtest = new Backtest(24, 6);
        BacktestResult auto = backtest.run(Forecasters.auto(), "spiky", y);
        BacktestResult naive = backtest.run(Forecasters.seasonalNaive(), "spiky", y);
        assertTrue(naive.coverage() > 0.99, "the uncalibrated baseline is too wide: " + naive.coverage());
        assertTrue(auto.coverage() >= 0.9 && auto.coverage() <= 0.98, "auto covered " + auto.coverage() + ": "
                + auto.lastModel());
        assertTrue(auto.lastModel().contains("intervals x0."), auto.lastModel());
    }
}
