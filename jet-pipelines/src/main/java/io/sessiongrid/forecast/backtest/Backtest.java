package io.sessiongrid.forecast.backtest;

import io.sessiongrid.forecast.FittedModel;
import io.sessiongrid.forecast.Forecast;
import io.sessiongrid.forecast.Forecaster;

import java.time.Duration;
import java.util.Arrays;

/**
 * The rolling-origin backtest protocol, fixed so that results compare across tools:
 * <ul>
 *   <li>{@value #ORIGINS} origins evenly spaced over the second half of the series: origin {@code i} is
 *       {@code n/2 + round(i (n - horizon - n/2) / 39)};</li>
 *   <li>at each origin the forecaster is fitted on every point before it (a forecaster may use only a suffix,
 *       as its Javadoc says) and forecasts {@code horizon} steps;</li>
 *   <li>MASE = the mean absolute error over all origins and steps divided by the in-sample MAE of the seasonal
 *       naive forecast (lag {@code season}) on the first half, {@code n/2} points; sMAPE =
 *       mean of {@code 200 |y - f| / (|y| + |f|)} (0 when both are 0); coverage = the share of actual values
 *       inside the 95% intervals. A non-finite forecast makes all three NaN: reported as such, never filled.</li>
 * </ul>
 * A series needs at least {@code 3 * season + horizon} points and a first half that is not exactly periodic.
 * Pure and thread-safe.
 */
public final class Backtest {

    /** The number of forecast origins. */
    public static final int ORIGINS = 40;

    private final int season;
    private final int horizon;

    /**
     * @param season  the seasonal period in steps, also the lag of the MASE scale, {@code >= 1}
     * @param horizon the steps forecast at each origin, {@code >= 1}
     */
    public Backtest(int season, int horizon) {
        if (season < 1 || horizon < 1) {
            throw new IllegalArgumentException("season and horizon must be >= 1, got season=" + season
                    + ", horizon=" + horizon);
        }
        this.season = season;
        this.horizon = horizon;
    }

    public int season() {
        return season;
    }

    public int horizon() {
        return horizon;
    }

    /** The fewest points a series needs: three seasons plus the horizon. */
    public int minimumLength() {
        return 3 * season + horizon;
    }

    /**
     * Checks that {@code series} can be backtested.
     *
     * @throws TraceException when it is too short or its first half is exactly periodic (MASE undefined)
     */
    public void check(String name, double[] series) {
        if (series.length < minimumLength()) {
            throw new TraceException(String.format(java.util.Locale.ROOT,
                    "%s is too short: %d points, but the backtest needs at least 3 seasons + horizon = 3 * %d + %d "
                            + "= %d points; use a longer trace or a shorter --season/--horizon",
                    name, series.length, season, horizon, minimumLength()));
        }
        if (scale(series) == 0) {
            throw new TraceException(name + ": the first half repeats exactly every " + season + " points, so the "
                    + "seasonal-naive error that scales MASE is 0; MASE is undefined for this series");
        }
    }

    /** The forecast origins for a series of {@code n} points. */
    public int[] origins(int n) {
        int first = n / 2;
        int last = n - horizon;
        int[] origins = new int[ORIGINS];
        for (int i = 0; i < ORIGINS; i++) {
            origins[i] = first + (int) Math.round((double) i * (last - first) / (ORIGINS - 1));
        }
        return origins;
    }

    /** The MASE scale: the in-sample seasonal-naive MAE on the first half. */
    public double scale(double[] series) {
        int half = series.length / 2;
        double sum = 0;
        for (int t = season; t < half; t++) {
            sum += Math.abs(series[t] - series[t - season]);
        }
        return sum / (half - season);
    }

    /**
     * Backtests {@code forecaster} on {@code series} (see the class comment).
     *
     * @throws TraceException when {@link #check} refuses the series
     */
    public BacktestResult run(Forecaster forecaster, String name, double[] series) {
        check(name, series);
        double scale = scale(series);
        long start = System.nanoTime();
        double absSum = 0;
        double smapeSum = 0;
        int inside = 0;
        boolean finite = true;
        String last = "";
        for (int origin : origins(series.length)) {
            FittedModel model = forecaster.fit(Arrays.copyOf(series, origin), season, horizon);
            Forecast f = model.forecast(horizon);
            for (int k = 0; k < horizon; k++) {
                double actual = series[origin + k];
                double predicted = f.mean(k);
                double error = Math.abs(actual - predicted);
                absSum += error;
                double denominator = Math.abs(actual) + Math.abs(predicted);
                smapeSum += denominator == 0 ? 0 : 200 * error / denominator;
                if (actual >= f.lower(k) && actual <= f.upper(k)) {
                    inside++;
                }
                finite &= Double.isFinite(predicted) && Double.isFinite(f.lower(k)) && Double.isFinite(f.upper(k));
            }
            last = model.describe();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        int count = ORIGINS * horizon;
        double mae = absSum / count;
        // a non-finite forecast makes MASE and sMAPE NaN by arithmetic; coverage would count it as a miss: NaN too
        return new BacktestResult(forecaster.name(), mae / scale, smapeSum / count, mae,
                finite ? (double) inside / count : Double.NaN, elapsed, last);
    }
}
