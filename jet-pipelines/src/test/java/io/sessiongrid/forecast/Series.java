package io.sessiongrid.forecast;

import java.util.Random;

/** Constructed test series with a fixed seed. */
final class Series {
    private Series() {
    }

    /**
     * {@code level + slope t + amplitude sin(2 pi t / season) + x[t]}, where the noise {@code x} is AR(1) with
     * coefficient 0.6 and innovations N(0, noise^2): load deviates from its daily pattern for a while, as real
     * load does.
     */
    static double[] seasonal(int n, int season, double level, double slope, double amplitude, double noise,
                             long seed) {
        Random random = new Random(seed);
        double[] y = new double[n];
        double x = 0;
        for (int t = 0; t < n; t++) {
            x = 0.6 * x + noise * random.nextGaussian();
            y[t] = level + slope * t + amplitude * Math.sin(2 * Math.PI * t / season) + x;
        }
        return y;
    }
}
