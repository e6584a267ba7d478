package io.sessiongrid.scaling.engine;

import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.scaling.ForecastPoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The analyzer's {@link ClusterForecast} as the policy's {@link ForecastPoint}s. */
public final class ForecastPoints {

    private ForecastPoints() {
    }

    /**
     * One point per forecast step: step {@code k} (0-based) is the window starting at
     * {@code lastWindowEnd + k * intervalMillis}, as {@link ClusterForecast} defines it. Negative bounds and means
     * (a model's interval can dip below zero) are cut at 0: demand is never negative.
     */
    public static List<ForecastPoint> of(ClusterForecast f) {
        double[] mean = f.mean();
        double[] lower = f.lower();
        double[] upper = f.upper();
        List<ForecastPoint> points = new ArrayList<>(mean.length);
        for (int k = 0; k < mean.length; k++) {
            points.add(new ForecastPoint(Instant.ofEpochMilli(f.lastWindowEnd() + k * f.intervalMillis()),
                    Math.max(0, mean[k]), Math.max(0, lower[k]), Math.max(0, upper[k])));
        }
        return points;
    }
}
