package io.sessiongrid.scaling;

import java.time.Instant;
import java.util.Objects;

/**
 * The forecast demand of the window starting at {@code at}, with its prediction interval; it holds until the next
 * point's {@code at}.
 *
 * @param at    the window's start
 * @param mean  the point forecast (requests/s)
 * @param lower the interval's lower bound
 * @param upper the interval's upper bound
 */
public record ForecastPoint(Instant at, double mean, double lower, double upper) {
    public ForecastPoint {
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(mean) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("forecast values must be finite, got mean=" + mean + ", lower="
                    + lower + ", upper=" + upper);
        }
    }
}
