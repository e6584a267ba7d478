package io.sessiongrid.profiler;

import io.sessiongrid.forecast.Forecasters;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the behavioural profiler windows and forecasts. Serializable: the job captures it.
 *
 * @param window         width of the tumbling windows telemetry is summarised in
 * @param horizonWindows how many windows ahead the VM count is forecast (horizon = window x horizonWindows)
 * @param historyWindows how many closed windows per application are kept to fit on (bounded state)
 * @param season         seasonal period in windows, 1 for none
 * @param forecaster     a {@link Forecasters#NAMES} entry; {@code holt_winters} by default ({@code arima}, and
 *                       {@code auto} and the combinations when the arima module is present, load Smile's native
 *                       BLAS on the members)
 */
public record ProfilerConfig(Duration window, int horizonWindows, int historyWindows, int season, String forecaster)
        implements Serializable {
    public ProfilerConfig {
        if (window == null || window.toMillis() < 1) {
            throw new IllegalArgumentException("profiler window must be at least 1 ms, got " + window);
        }
        if (horizonWindows < 1 || historyWindows < 8 || historyWindows > 10_000 || season < 1
                || season > historyWindows) {
            throw new IllegalArgumentException("profiler needs horizonWindows >= 1, historyWindows 8..10000 and "
                    + "season 1..historyWindows, got " + horizonWindows + ", " + historyWindows + ", " + season);
        }
        Forecasters.byName(forecaster);
    }

    /** One-minute windows, a 15-minute horizon, a day of history, no season, Holt-Winters. */
    public static ProfilerConfig defaults() {
        return new ProfilerConfig(Duration.ofMinutes(1), 15, 1_440, 1, "holt_winters");
    }

    public Duration horizon() {
        return window.multipliedBy(horizonWindows);
    }
}
