package io.sessiongrid.forecast;

import io.sessiongrid.forecast.smile.Arima;

import java.util.List;

/**
 * The forecasters, by name. Every one is immutable and thread-safe; share them freely.
 *
 * <table>
 *   <caption>Forecasters</caption>
 *   <tr><th>name</th><th>method</th></tr>
 *   <tr><td>{@code seasonal_naive}</td><td>the value one season ago: the baseline</td></tr>
 *   <tr><td>{@code holt_winters}</td><td>additive Holt-Winters, damped trend, parameters by least squares</td></tr>
 *   <tr><td>{@code arima}</td><td>differencing plus an ARMA model fitted with Smile, integrated back</td></tr>
 *   <tr><td>{@code auto}</td><td>the best of the three above per series, by rolling-origin backtest</td></tr>
 * </table>
 * For per-connection series, where a fit per interval is too expensive, use {@link OnlineHolt}.
 */
public final class Forecasters {

    /** Every name {@link #byName} accepts, the baseline first. */
    public static final List<String> NAMES =
            List.of(SeasonalNaive.NAME, HoltWinters.NAME, Arima.NAME, AutoForecaster.NAME);

    private Forecasters() {
    }

    /** Seasonal naive: the baseline. */
    public static Forecaster seasonalNaive() {
        return new SeasonalNaive();
    }

    /** Additive Holt-Winters with damped trend. */
    public static Forecaster holtWinters() {
        return new HoltWinters();
    }

    /** ARIMA on Smile's ARMA (the only forecaster that needs Smile and its native BLAS). */
    public static Forecaster arima() {
        return new Arima();
    }

    /** Automatic choice among seasonal naive, Holt-Winters and ARIMA. */
    public static Forecaster auto() {
        return new AutoForecaster(List.of(seasonalNaive(), holtWinters(), arima()));
    }

    /**
     * The forecaster called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name; the message lists {@link #NAMES}
     */
    public static Forecaster byName(String name) {
        return switch (name) {
            case SeasonalNaive.NAME -> seasonalNaive();
            case HoltWinters.NAME -> holtWinters();
            case Arima.NAME -> arima();
            case AutoForecaster.NAME -> auto();
            default -> throw new IllegalArgumentException("unknown forecaster '" + name + "'; allowed: "
                    + String.join(", ", NAMES));
        };
    }
}
