package io.sessiongrid.forecast.backtest;

import io.sessiongrid.forecast.Forecasters;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestTest {

    @Test
    void placesFortyOriginsEvenlyOverTheSecondHalf() {
        int[] origins = new Backtest(24, 6).origins(1000);
        assertEquals(40, origins.length);
        assertEquals(500, origins[0]);
        assertEquals(994, origins[39]);
        for (int i = 1; i < origins.length; i++) {
            int gap = origins[i] - origins[i - 1];
            assertTrue(gap == 12 || gap == 13, "gap " + gap);
        }
    }

    @Test
    void scalesBySeasonalNaiveMaeOfTheFirstHalfSoSeasonalNaiveScoresAboutOneOnAStationarySeries() {
        double[] y = new double[2000];
        java.util.Random random = new java.util.Random(1);
        for (int t = 0; t < y.length; t++) {
            y[t] = Math.sin(2 * Math.PI * t / 24) * 10 + random.nextGaussian();
        }
        Backtest backtest = new Backtest(24, 6);
        assertEquals(2 / Math.sqrt(Math.PI), backtest.scale(y), 0.1); // E|N(0,2)| = 2/sqrt(pi)
        BacktestResult naive = backtest.run(Forecasters.seasonalNaive(), "sine", y);
        assertEquals(1.0, naive.mase(), 0.25);
        assertEquals("seasonal_naive", naive.model());
        assertTrue(naive.smape() > 0 && naive.smape() < 200);
    }

    @Test
    void refusesTooShortAndExactlyPeriodicSeries() {
        Backtest backtest = new Backtest(24, 6);
        TraceException shortOne = assertThrows(TraceException.class,
                () -> backtest.check("short.csv", new double[77]));
        assertTrue(shortOne.getMessage().contains("78"), shortOne.getMessage());
        double[] periodic = new double[200];
        for (int t = 0; t < periodic.length; t++) {
            periodic[t] = t % 24;
        }
        TraceException flat = assertThrows(TraceException.class, () -> backtest.check("periodic.csv", periodic));
        assertTrue(flat.getMessage().contains("MASE is undefined"), flat.getMessage());
    }

    @Test
    void aNonFiniteForecastIsReportedAsNaNNotFilled() {
        double[] y = new double[400];
        for (int t = 0; t < y.length; t++) {
            y[t] = t % 24 + 0.1 * (t % 7);
        }
        io.sessiongrid.forecast.Forecaster broken = new io.sessiongrid.forecast.Forecaster() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public io.sessiongrid.forecast.FittedModel fit(double[] history, int season, int horizon) {
                io.sessiongrid.forecast.FittedModel real = Forecasters.seasonalNaive().fit(history, season, horizon);
                return new io.sessiongrid.forecast.FittedModel() {
                    @Override
                    public String name() {
                        return "broken";
                    }

                    @Override
                    public String describe() {
                        return "one NaN step";
                    }

                    @Override
                    public io.sessiongrid.forecast.Forecast forecast(int h) {
                        double[] mean = real.forecast(h).mean();
                        mean[h - 1] = Double.NaN;
                        return io.sessiongrid.forecast.Forecast.withVariances(mean, new double[h]);
                    }

                    @Override
                    public io.sessiongrid.forecast.FittedModel update(double[] history) {
                        return this;
                    }
                };
            }
        };
        BacktestResult result = new Backtest(24, 6).run(broken, "broken", y);
        assertTrue(Double.isNaN(result.mase()), result.toString());
        assertTrue(Double.isNaN(result.smape()), result.toString());
        assertTrue(Double.isNaN(result.coverage()), result.toString());
    }
}
