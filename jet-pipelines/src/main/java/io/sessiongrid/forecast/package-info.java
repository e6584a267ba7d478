/**
 * Forecasting for SessionGrid's connection pattern analyzer and scaling engine.
 *
 * <p>The API is small: a {@link io.sessiongrid.forecast.Forecaster} fits a series and returns an immutable
 * {@link io.sessiongrid.forecast.FittedModel}, which forecasts any number of steps as a
 * {@link io.sessiongrid.forecast.Forecast} (point forecasts and 95% prediction intervals).
 * {@link io.sessiongrid.forecast.Forecasters} creates them by name: {@code seasonal_naive} (the baseline),
 * {@code holt_winters}, {@code arima} and {@code auto}. They are meant for aggregate series (per session
 * group, per cluster); per connection use {@link io.sessiongrid.forecast.OnlineHolt}, O(1) per point.
 *
 * <p>Everything here is pure computation: no Hazelcast, no I/O, no clocks. Smile (GPL-3.0) is used only by
 * {@code arima}, and only in {@code io.sessiongrid.forecast.smile}; nothing else imports it.
 */
package io.sessiongrid.forecast;
