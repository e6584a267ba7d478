package io.sessiongrid.forecast;

import io.sessiongrid.forecast.HoltWintersModel.Initial;
import io.sessiongrid.forecast.HoltWintersModel.Params;

import java.util.Arrays;

/**
 * Additive Holt-Winters with damped trend (see {@link HoltWintersModel} for the equations).
 *
 * <p>Fitting: the window is the last {@code max(minWindow, windowSeasons * season)} points; the initial
 * state comes from its first seasons; alpha, beta, gamma and phi minimise the one-step sum of squared errors,
 * by a coarse grid and then Nelder-Mead on logistic-transformed parameters (at most about
 * {@value #MAX_EVALUATIONS} filter passes, so O(window * 300)). With fewer than two seasons of history the
 * season is dropped (Holt's damped trend). The filter is robust by default: errors beyond six mean absolute
 * errors are clipped before they update the state (a spike in the NAB {@code ec2_network_in} trace otherwise
 * stays in the seasonal terms and makes the model 25 times worse than seasonal naive).
 */
final class HoltWinters implements Forecaster {

    static final String NAME = "holt_winters";
    static final int DEFAULT_MIN_WINDOW = 2000;
    static final int DEFAULT_WINDOW_SEASONS = 10;
    private static final int MAX_EVALUATIONS = 300;
    private static final double PHI_MIN = 0.8;
    private static final double PHI_MAX = 0.98;

    private final int minWindow;
    private final int windowSeasons;
    private final boolean robust;

    HoltWinters() {
        this(DEFAULT_MIN_WINDOW, DEFAULT_WINDOW_SEASONS, true);
    }

    /**
     * @param minWindow     the fewest points of the history to fit on (all when shorter)
     * @param windowSeasons the fitting window in seasons, when that is more than {@code minWindow}
     * @param robust        whether to clip outlying errors (see {@link HoltWintersModel})
     */
    HoltWinters(int minWindow, int windowSeasons, boolean robust) {
        this.minWindow = minWindow;
        this.windowSeasons = windowSeasons;
        this.robust = robust;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FittedModel fit(double[] history, int season, int horizon) {
        Forecaster.checkArguments(history, season, horizon);
        int m = effectiveSeason(history.length, season);
        double[] y = window(history, m, minWindow, windowSeasons);
        Initial init = Initial.of(y, m);
        double[] work = new double[m];
        double[] best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (double a : new double[] {0.1, 0.4, 0.8}) {
            for (double b : new double[] {0.01, 0.2}) {
                for (double g : m > 1 ? new double[] {0.05, 0.4} : new double[] {0}) {
                    for (double phi : new double[] {0.9, 0.98}) {
                        double[] u = {logit(a), logit(b), m > 1 ? logit(g) : 0, logit((phi - PHI_MIN) / (PHI_MAX - PHI_MIN))};
                        double sse = HoltWintersModel.sse(y, m, init, params(u, m), work, null);
                        if (sse < bestSse) {
                            bestSse = sse;
                            best = u;
                        }
                    }
                }
            }
        }
        double[] u = NelderMead.minimize(x -> HoltWintersModel.sse(y, m, init, params(x, m), work, null),
                best, 0.5, MAX_EVALUATIONS, 1e-7);
        return HoltWintersModel.run(this, y, m, params(u, m));
    }

    /** The model with fixed parameters applied to a new history (see {@link FittedModel#update}). */
    HoltWintersModel refit(double[] history, int season, Params params) {
        Forecaster.checkArguments(history, season, 1);
        int m = effectiveSeason(history.length, season);
        Params p = m == season ? params : new Params(params.alpha(), params.beta(), 0, params.phi(), params.robust());
        return HoltWintersModel.run(this, window(history, m, minWindow, windowSeasons), m, p);
    }

    private static int effectiveSeason(int n, int season) {
        return season > 1 && n >= 2 * season ? season : 1;
    }

    private static double[] window(double[] history, int m, int minWindow, int windowSeasons) {
        int w = (int) Math.min(history.length, Math.max(minWindow, (long) windowSeasons * m));
        return w == history.length ? history : Arrays.copyOfRange(history, history.length - w, history.length);
    }

    /** alpha in (0,1); beta a fraction of alpha; gamma a fraction of 1 - alpha; phi in [0.8, 0.98]. */
    private Params params(double[] u, int m) {
        double alpha = clamp(sigmoid(u[0]), 1e-4, 0.9999);
        double beta = alpha * clamp(sigmoid(u[1]), 0, 0.999);
        double gamma = m > 1 ? (1 - alpha) * clamp(sigmoid(u[2]), 0, 0.999) : 0;
        double phi = PHI_MIN + (PHI_MAX - PHI_MIN) * sigmoid(u[3]);
        return new Params(alpha, beta, gamma, phi, robust);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public String toString() {
        return NAME;
    }
}
