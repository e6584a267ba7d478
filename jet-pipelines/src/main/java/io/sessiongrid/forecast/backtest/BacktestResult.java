package io.sessiongrid.forecast.backtest;

import java.time.Duration;

/**
 * One forecaster's score in a {@link Backtest}.
 *
 * @param model     the forecaster's name
 * @param mase      mean absolute error over all origins and steps, scaled by the in-sample seasonal-naive MAE of
 *                  the first half of the series
 * @param smape     symmetric mean absolute percentage error, in percent (0 to 200)
 * @param mae       the unscaled mean absolute error
 * @param coverage  the share of actual values inside the 95% prediction intervals
 * @param elapsed   the time the forecaster took, all origins together
 * @param lastModel the model fitted at the last origin, described
 */
public record BacktestResult(String model, double mase, double smape, double mae, double coverage,
                             Duration elapsed, String lastModel) {
}
