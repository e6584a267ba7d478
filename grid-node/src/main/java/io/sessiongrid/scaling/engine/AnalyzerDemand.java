package io.sessiongrid.scaling.engine;

import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.analyzer.ConnectionAnalyzer;
import io.sessiongrid.analyzer.HealthScore;
import io.sessiongrid.scaling.ForecastErrorTracker;
import io.sessiongrid.scaling.ForecastPoint;
import io.sessiongrid.scaling.HealthAggregate;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.servers.ServerRegistry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Demand from the analyzer: its cluster forecast (request rate with intervals, and the error of each one-step
 * forecast, averaged over the recent ones), the points of its seasonal forecast beside them when there is one (the
 * policy takes the peak over both: the short-term forecast follows trends and bursts, the seasonal one sees the
 * daily rise coming before any trend shows it), and the health scores of every server's connections, summed into a
 * {@link HealthAggregate} (churn weighted by predicted rate). Without a forecast yet, demand is the registry's
 * recent request rate.
 */
public final class AnalyzerDemand implements DemandSource {
    static final int STALE_WINDOWS = 6;
    private final ConnectionAnalyzer analyzer;
    private final ServerRegistry registry;
    private final ForecastErrorTracker errors = new ForecastErrorTracker(ForecastErrorTracker.DEFAULT_WINDOW);
    private final Clock clock;
    private long lastWindowEnd = Long.MIN_VALUE;

    public AnalyzerDemand(ConnectionAnalyzer analyzer, ServerRegistry registry, Clock clock) {
        this.analyzer = analyzer;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public Demand read() {
        HealthAggregate health = health();
        Optional<ClusterForecast> forecast = analyzer.clusterForecast().filter(f -> fresh(f, clock.millis()));
        if (forecast.isEmpty()) {
            double recent = registry.servers().stream().mapToDouble(s -> registry.load(s.id()).recentRequestRate())
                    .sum();
            return new Demand(recent, List.of(), errors.recent(), health);
        }
        ClusterForecast f = forecast.get();
        if (f.lastWindowEnd() != lastWindowEnd) {
            lastWindowEnd = f.lastWindowEnd();
            errors.add(f.lastErrorPct() / 100);
        }
        List<ForecastPoint> points = new ArrayList<>(ForecastPoints.of(f));
        analyzer.seasonalForecast().filter(s -> current(s, f)).ifPresent(s -> points.addAll(ForecastPoints.of(s)));
        return new Demand(Math.max(0, f.lastActual()), points, errors.recent(), health);
    }

    /**
     * A forecast counts while its newest window closed at most {@link #STALE_WINDOWS} of its intervals ago (and
     * at least 30 s): a forecast left by an analyzer job that stopped would drive decisions forever otherwise; the
     * registry's observed rate then stands in, as before the first forecast.
     */
    static boolean fresh(ClusterForecast f, long now) {
        return now - f.lastWindowEnd() <= Math.max(30_000, STALE_WINDOWS * f.intervalMillis());
    }

    /**
     * The seasonal forecast counts while it is as recent as the short-term one allows (its window closes at most
     * two of its intervals before the short-term forecast's): a seasonal forecast left from before the job stopped
     * would put yesterday's peak into today's decisions.
     */
    static boolean current(ClusterForecast seasonal, ClusterForecast shortTerm) {
        return seasonal.lastWindowEnd() >= shortTerm.lastWindowEnd() - 2 * seasonal.intervalMillis();
    }

    private HealthAggregate health() {
        int connections = 0;
        double predicted = 0;
        double churnWeighted = 0;
        for (ServerInfo s : registry.servers()) {
            for (HealthScore score : registry.healthScores(s.id()).values()) {
                if (score.closed()) {
                    continue;
                }
                double rate = Math.max(0, score.predictedRate());
                connections++;
                predicted += rate;
                churnWeighted += rate * Math.min(1, Math.max(0, score.churn()));
            }
        }
        return new HealthAggregate(connections, predicted, predicted == 0 ? 0 : churnWeighted / predicted);
    }
}
