package io.sessiongrid.forecast;

/**
 * A model fitted by a {@link Forecaster}: immutable and thread-safe.
 */
public interface FittedModel {

    /** The name of the method that fitted this model, e.g. {@code arima}. */
    String name();

    /** A short description of the fitted structure and parameters, for logs and reports. */
    String describe();

    /**
     * Forecasts {@code horizon} steps after the end of the fitted history.
     *
     * @throws IllegalArgumentException when horizon is below 1
     */
    Forecast forecast(int horizon);

    /**
     * This model's estimated parameters and choices (differencing, orders, the model {@code auto} picked)
     * applied to a new history, typically the old one plus new points, without estimating anything again.
     * It costs one linear pass over the model's fitting window, far less than {@link Forecaster#fit}: refit
     * fully now and then, and {@code update} in between.
     *
     * @param history the series, oldest first, under the same contract as {@link Forecaster#fit}
     * @return a model whose forecasts start after the end of {@code history}
     */
    FittedModel update(double[] history);
}
