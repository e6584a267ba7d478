/**
 * Rolling-origin backtests of the forecasters on real traces: {@link io.sessiongrid.forecast.backtest.TraceCsv}
 * reads {@code timestamp,value} CSV files (NAB format, or numeric seconds) into regular series, and
 * {@link io.sessiongrid.forecast.backtest.Backtest} scores forecasters with one fixed protocol (40 origins over
 * the second half, MASE against the seasonal-naive error of the first half). The {@code forecast} command and the
 * tests use it.
 */
package io.sessiongrid.forecast.backtest;
