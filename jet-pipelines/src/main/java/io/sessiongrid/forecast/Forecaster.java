package io.sessiongrid.forecast;

/**
 * A forecasting method for one regularly spaced series: {@link #fit fit} it to a history, then
 * {@link FittedModel#forecast forecast} any number of steps with prediction intervals.
 *
 * <p>Contract, for every implementation:
 * <ul>
 *   <li>Immutable and thread-safe; {@code fit} is pure: it never keeps or modifies {@code history}, and the
 *       same arguments give the same model.</li>
 *   <li>{@code history} holds finite values, oldest first, one per step, without gaps (fill them first).</li>
 *   <li>{@code season} is the seasonal period in steps ({@code 1} = no seasonality). A model that needs more
 *       seasons than {@code history} holds degrades gracefully (fewer seasonal terms, or none) rather than
 *       failing; it fails only on fewer than {@link #MIN_HISTORY} points.</li>
 *   <li>{@code horizon} is the number of steps the caller means to forecast. Methods that choose their
 *       structure by backtest (differencing for {@code arima}, the model for {@code auto}) tune for it;
 *       the others ignore it. The fitted model forecasts any horizon.</li>
 *   <li>A method may fit on a bounded suffix of a long history, for speed; each one's Javadoc says how
 *       long. Fitting costs at most O(window &times; iterations) and never grows with older history.</li>
 * </ul>
 * Obtain instances from {@link Forecasters}.
 */
public interface Forecaster {

    /** The fewest points any forecaster accepts. */
    int MIN_HISTORY = 4;

    /** The method's name, as {@link Forecasters#byName} knows it, e.g. {@code holt_winters}. */
    String name();

    /**
     * Fits this method to {@code history}.
     *
     * @param history the series, oldest first
     * @param season  the seasonal period in steps, {@code >= 1}
     * @param horizon the number of steps the caller will forecast, {@code >= 1}
     * @return the fitted model, immutable
     * @throws IllegalArgumentException when history is shorter than {@link #MIN_HISTORY}, holds a non-finite
     *                                  value, or season or horizon is below 1
     */
    FittedModel fit(double[] history, int season, int horizon);

    /** Shorthand for {@code fit(history, season, horizon).forecast(horizon)}. */
    default Forecast forecast(double[] history, int season, int horizon) {
        return fit(history, season, horizon).forecast(horizon);
    }

    /** Checks the arguments of {@link #fit} as its contract states. */
    static void checkArguments(double[] history, int season, int horizon) {
        if (season < 1) {
            throw new IllegalArgumentException("season must be >= 1 step, got " + season);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 step, got " + horizon);
        }
        if (history.length < MIN_HISTORY) {
            throw new IllegalArgumentException("history needs at least " + MIN_HISTORY + " points, got "
                    + history.length);
        }
        for (int i = 0; i < history.length; i++) {
            if (!Double.isFinite(history[i])) {
                throw new IllegalArgumentException("history[" + i + "] is " + history[i]
                        + ": fill gaps and drop non-finite values before fitting");
            }
        }
    }
}
