package io.sessiongrid.analyzer.internal;

import io.sessiongrid.forecast.FittedModel;
import io.sessiongrid.forecast.Forecast;
import io.sessiongrid.forecast.Forecaster;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Refits run on the refit executor, not in {@code accept}; a finished refit is taken at the next point. */
class ClusterForecasterRefitTest {

    /** Forecasts the last value; says how long the history was when it was fitted. */
    private record Marked(int fittedOn, double last) implements FittedModel {
        @Override
        public String name() {
            return "marked";
        }

        @Override
        public String describe() {
            return "fit on " + fittedOn;
        }

        @Override
        public Forecast forecast(int horizon) {
            double[] mean = new double[horizon];
            Arrays.fill(mean, last);
            return Forecast.withVariances(mean, new double[horizon]);
        }

        @Override
        public FittedModel update(double[] history) {
            return new Marked(fittedOn, history[history.length - 1]);
        }
    }

    private static final Forecaster MARKING = new Forecaster() {
        @Override
        public String name() {
            return "marked";
        }

        @Override
        public FittedModel fit(double[] history, int season, int horizon) {
            return new Marked(history.length, history[history.length - 1]);
        }
    };

    @Test
    void aDueRefitIsQueuedWhileAcceptGoesOnUpdatingAndIsTakenOnceDone() {
        Queue<Runnable> queued = new ArrayDeque<>();
        ClusterForecaster f = new ClusterForecaster(MARKING, 5000, 1000, 3, 1, 10, queued::add);
        for (int i = 1; i <= 3; i++) {
            f.accept(i, i);
        }
        assertEquals("fit on 4", f.accept(4, 4).model(), "the first fit runs inline");
        for (int i = 5; i <= 12; i++) {
            assertEquals("fit on 4", f.accept(i, i).model(), "point " + i);
        }
        assertEquals(1, queued.size(), "one refit at a time: due at point 7 (3 = 7 / 2 new points), not run yet");
        queued.poll().run();
        assertEquals("fit on 7", f.accept(13, 13).model(), "the finished refit is taken at the next point");
        assertEquals(14, f.accept(14, 14).mean()[0], 1e-12, "and brought up to date with update");
    }
}
