package io.sessiongrid.scaling;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link ScalingPolicy} decides on. The policy reads the time from its own clock.
 *
 * @param demand        the cluster demand observed now (requests/s)
 * @param forecast      the cluster forecast, oldest window first (may be empty while the forecaster warms up)
 * @param recentError   the recent relative error of the forecast (mean absolute error over observed demand,
 *                      e.g. 0.12 for 12 %); 0 when unknown
 * @param health        the aggregate of the connections' health scores
 * @param servers       the servers, pending, ready and draining; each says whether it may be retired
 * @param lastScaleOut  when the last scale-out was decided, if ever
 * @param lastScaleIn   when the last scale-in was decided, if ever
 * @param floor         a manual floor on the servers (from {@code scaleServers}); 0 when none
 */
public record ScalingInputs(double demand, List<ForecastPoint> forecast, double recentError, HealthAggregate health,
                            List<ServerView> servers, Optional<Instant> lastScaleOut, Optional<Instant> lastScaleIn,
                            int floor) {
    public ScalingInputs {
        if (!(demand >= 0) || !(recentError >= 0) || floor < 0) {
            throw new IllegalArgumentException("ScalingInputs needs demand >= 0, recentError >= 0 and floor >= 0; got "
                    + demand + ", " + recentError + ", " + floor);
        }
        forecast = List.copyOf(forecast);
        servers = List.copyOf(servers);
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(lastScaleOut, "lastScaleOut");
        Objects.requireNonNull(lastScaleIn, "lastScaleIn");
    }

    /** Servers in {@code state}. */
    public long count(ServerState state) {
        return servers.stream().filter(s -> s.state() == state).count();
    }

    /** Ready plus pending servers: the capacity the fleet has or will have without another decision. */
    public int committed() {
        return (int) (count(ServerState.READY) + count(ServerState.PENDING));
    }

    /**
     * The {@code n} retirable servers cheapest to retire: pending ones first (they serve nothing yet), then ready
     * ones by predicted load, load and id. Draining servers are already leaving and never chosen, nor are servers
     * that are not {@link ServerView#retirable()}; fewer than {@code n} (or none) when too few may be retired.
     */
    public List<String> cheapestToRetire(int n) {
        return servers.stream().filter(s -> s.state() != ServerState.DRAINING && s.retirable())
                .sorted(java.util.Comparator.comparing((ServerView s) -> s.state() != ServerState.PENDING)
                        .thenComparingDouble(ServerView::predictedLoad)
                        .thenComparingDouble(ServerView::load)
                        .thenComparing(ServerView::id))
                .limit(n).map(ServerView::id).toList();
    }

    /** The most recent scaling action, if any. */
    public Optional<Instant> lastAction() {
        if (lastScaleOut.isEmpty()) {
            return lastScaleIn;
        }
        if (lastScaleIn.isEmpty()) {
            return lastScaleOut;
        }
        return Optional.of(lastScaleOut.get().isAfter(lastScaleIn.get()) ? lastScaleOut.get() : lastScaleIn.get());
    }
}
