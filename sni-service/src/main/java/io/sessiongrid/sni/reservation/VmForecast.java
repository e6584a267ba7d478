package io.sessiongrid.sni.reservation;

import java.time.Duration;
import java.util.Objects;

/**
 * A forecast of an application cluster's VM count over a horizon: what the behavioural profiler emits.
 *
 * @param appId        the application cluster
 * @param predictedVms the expected VM count at the horizon
 * @param upperBound   the upper bound of the forecast's confidence interval (reservations are sized to it)
 * @param confidence   how much the forecast is trusted, 0-1 (shadow allocation above a threshold)
 * @param horizon      how far ahead the forecast looks
 */
public record VmForecast(String appId, double predictedVms, double upperBound, double confidence, Duration horizon) {
    public VmForecast {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(horizon, "horizon");
        if (!(predictedVms >= 0) || !(upperBound >= predictedVms)) {
            throw new IllegalArgumentException("a VM forecast needs 0 <= predictedVms <= upperBound, got "
                    + predictedVms + " / " + upperBound + " for " + appId);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be 0..1, got " + confidence + " for " + appId);
        }
    }
}
