package io.sessiongrid.scaling.engine;

import io.sessiongrid.scaling.ForecastPoint;
import io.sessiongrid.scaling.HealthAggregate;

import java.util.List;

/** Where the engine reads demand: the analyzer's cluster forecast and the connections' health scores. */
public interface DemandSource {

    /** Demand now and ahead. */
    Demand read();

    /**
     * @param demand      the newest observed cluster request rate
     * @param forecast    the cluster forecast (empty while the analyzer warms up)
     * @param recentError the forecast's recent relative error
     * @param health      the aggregate of the connections' health scores
     */
    record Demand(double demand, List<ForecastPoint> forecast, double recentError, HealthAggregate health) {
        public Demand {
            forecast = List.copyOf(forecast);
        }
    }
}
