/**
 * Forecasting for SessionGrid's connection pattern analyzer and scaling engine.
 *
 * <p>The API is small: a {@link io.sessiongrid.forecast.Forecaster} fits a series and returns an immutable
 * {@link io.sessiongrid.forecast.FittedModel}, which forecasts any number of steps as a
 * {@link io.sessiongrid.forecast.Forecast} (point forecasts and 95% prediction intervals).
 * {@link io.sessiongrid.forecast.Forecasters} creates them by name: {@code seasonal_naive} (the baseline),
 * {@code holt_winters}, {@code theta}, {@code arima} (a plug-in, see below), the combinations {@code median} and
 * {@code weighted}, and {@code auto}. They are meant for aggregate series (per session group, per cluster); per
 * connection use {@link io.sessiongrid.forecast.OnlineHolt}, O(1) per point.
 *
 * <h2>How {@code auto} chooses</h2>
 * Combinations won the M4 competition (12 of its 17 most accurate methods combined several), and picking the
 * single model with the lowest backtest error is noisy: on a bursty series it switches between near-equal models
 * from one refit to the next. So {@code auto} combines by default and picks a single model only on clear evidence:
 * <ol>
 *   <li>Every candidate (seasonal naive, Holt-Winters, Theta and every plug-in such as ARIMA) is fitted once.</li>
 *   <li>Each fitted candidate is replayed (parameters fixed, {@link io.sessiongrid.forecast.FittedModel#update})
 *       at rolling origins over the end of the history: at least 40 origins and 480 scored values, over at least
 *       three seasons and four horizons, at most a third of the history. The score is the {@code horizon}-step
 *       mean absolute error.</li>
 *   <li>Two combinations of all the candidates are scored on the same origins: the median of the members'
 *       forecasts, and their mean weighted by {@code 1 / score^2}. Seasonal naive is a member too: its errors
 *       differ most from the smoothing models', which is what a combination gains from (leaving it out cost 9%
 *       on {@code nyc_taxi} and 5% on {@code ec2_network_in}, and gained 5% on two CPU traces). A member whose
 *       error explodes (a Holt-Winters fit thrown by spikes) gets next to no weight, and cannot move the
 *       median.</li>
 *   <li>The better-scoring combination is chosen, unless the best single model (seasonal naive included) scores
 *       lower by more than one standard error of the paired per-origin differences: the one-standard-error rule
 *       of model selection, applied against the noise of the backtest.</li>
 *   <li>The chosen model's 95% intervals are stretched or shrunk by the factor that put exactly 95% of the
 *       backtest's actual values inside them (split-conformal calibration). Model-based intervals assume Gaussian
 *       errors: spikes inflate their variance (intervals far too wide on {@code ec2_network_in}), and bursts
 *       make them too narrow.</li>
 * </ol>
 * {@code auto} keeps the choice, the weights and the stretch through {@code update}; a refit reconsiders them.
 *
 * <p>Robustness to spikes and level shifts is layered: Holt-Winters and Theta clip one-step errors beyond six
 * running mean absolute errors before they update their state; Theta fits its smoothing weight by absolute
 * error and its seasonal indices by interquartile means; the combinations down-weight or out-vote a member that
 * goes astray; ARIMA's differencing follows level shifts.
 *
 * <p>Everything here is pure computation: no Hazelcast, no I/O, no clocks. Smile (GPL-3.0) is not used here:
 * {@code arima} lives in the separate {@code sessiongrid-forecast-arima} module (package
 * {@code io.sessiongrid.forecast.smile}) and is found through {@link java.util.ServiceLoader}; without it,
 * every other forecaster, and {@code auto} over the others, works the same.
 */
package io.sessiongrid.forecast;
