/**
 * ARIMA on Smile 3.1.1's ARMA: the only package that imports Smile, in its own module
 * ({@code sessiongrid-forecast-arima}).
 *
 * <p>Smile is licensed under the GPL-3.0. This module registers {@link io.sessiongrid.forecast.smile.Arima} for
 * {@link java.util.ServiceLoader} as an {@link io.sessiongrid.forecast.Forecaster}; with the module on the class
 * path, {@code Forecasters.byName("arima")} finds it and {@code auto} and the combinations use it. Leaving the
 * module out (and with it Smile and its native OpenBLAS) leaves every other forecaster working. Smile's ARMA fits
 * load OpenBLAS natives on first use (0.2-0.5 s, once per JVM).
 */
package io.sessiongrid.forecast.smile;
