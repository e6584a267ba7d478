/**
 * ARIMA on Smile 3.1.1's ARMA: the only package that imports Smile.
 *
 * <p>Smile is licensed under the GPL-3.0. Keeping every Smile import behind the
 * {@link io.sessiongrid.forecast.Forecaster} interface, in this one package, lets a deployment that cannot take
 * GPL code drop the {@code arima} forecaster (and Smile with its native OpenBLAS) and keep the rest. Smile's
 * ARMA fits load OpenBLAS natives on first use (0.2-0.5 s, once per JVM).
 */
package io.sessiongrid.forecast.smile;
