package io.sessiongrid.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Inputs for policy tests: servers of capacity 100 requests/s, target 70 %, scale-in at 55 %. */
final class PolicyFixtures {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final ScalingLimits LIMITS = new ScalingLimits(100, 0.7, 1, 10);

    private PolicyFixtures() {
    }

    static PredictiveSettings settings() {
        return new PredictiveSettings(LIMITS, Duration.ofMinutes(2), Duration.ofSeconds(15), 0.55,
                Duration.ofMinutes(10), Duration.ofSeconds(60), 4, 2.0);
    }

    static List<ServerView> ready(int n, double demand) {
        List<ServerView> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new ServerView("s" + i, ServerState.READY, demand / n, demand / n));
        }
        return list;
    }

    static ScalingInputs inputs(double demand, List<ForecastPoint> forecast, List<ServerView> servers) {
        return new ScalingInputs(demand, forecast, 0, HealthAggregate.NONE, servers, Optional.empty(),
                Optional.empty(), 0);
    }

    static ForecastPoint point(Instant at, double mean, double upper) {
        return new ForecastPoint(at, mean, Math.max(0, 2 * mean - upper), upper);
    }
}
