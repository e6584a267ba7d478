package io.sessiongrid.forecast;

import java.util.Arrays;

/**
 * The Theta method (Assimakopoulos and Nikolopoulos 2000, winner of the M3 competition) in the form Hyndman and
 * Billah (2003) showed it to be: simple exponential smoothing with drift on the seasonally adjusted series,
 * reseasonalised. With {@code l} the smoothed level, {@code alpha} its smoothing weight and {@code b} the slope
 * of a least-squares line through the adjusted window of {@code n} points, step {@code h} forecasts
 * <pre>  l + (b / 2) (h - 1 + 1/alpha - (1 - alpha)^n / alpha)</pre>
 * (the theta = 2 line's drift, half the linear trend), times or plus the seasonal index
 * ({@link SeasonalIndices}: robust means per phase, and only when the seasonality test passes). Intervals are
 * those of simple exponential smoothing, {@code sigma^2 (1 + (h - 1) alpha^2)}, put back through the index.
 *
 * <p>Fitting, on the last {@code max(2000, 10 seasons)} points: the indices, the slope, then {@code alpha}
 * minimising the one-step <em>absolute</em> error (a grid, then golden-section search), O(window * 40). Absolute
 * rather than squared error because spikes otherwise choose alpha: on the {@code ec2_network_in} trace, with a
 * spike every half hour for five days, least squares picked alpha = 0.002 and the level stayed far above the quiet
 * days that followed. Like {@link HoltWinters}, the smoothing is robust too: an error beyond six running mean
 * absolute errors is clipped before it moves the level.
 */
final class Theta implements Forecaster {

    static final String NAME = "theta";
    private static final int MIN_WINDOW = 2000;
    private static final int WINDOW_SEASONS = 10;
    private static final double ALPHA_MIN = 0.001;
    private static final double ALPHA_MAX = 0.999;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FittedModel fit(double[] history, int season, int horizon) {
        Forecaster.checkArguments(history, season, horizon);
        Prepared p = prepare(history, season);
        double bestAlpha = 0.5;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int i = 1; i <= 19; i++) {
            double a = i / 20.0;
            double loss = ThetaModel.smooth(p.adjusted, a, null);
            if (loss < bestLoss) {
                bestLoss = loss;
                bestAlpha = a;
            }
        }
        double lo = Math.max(ALPHA_MIN, bestAlpha - 0.05);
        double hi = Math.min(ALPHA_MAX, bestAlpha + 0.05);
        double g = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - g * (hi - lo);
        double x2 = lo + g * (hi - lo);
        double f1 = ThetaModel.smooth(p.adjusted, x1, null);
        double f2 = ThetaModel.smooth(p.adjusted, x2, null);
        for (int i = 0; i < 20; i++) {
            if (f1 < f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - g * (hi - lo);
                f1 = ThetaModel.smooth(p.adjusted, x1, null);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + g * (hi - lo);
                f2 = ThetaModel.smooth(p.adjusted, x2, null);
            }
        }
        double alpha = f1 < f2 ? x1 : x2;
        if (Math.min(f1, f2) > bestLoss) {
            alpha = bestAlpha;
        }
        return ThetaModel.of(season, p.indices, p.adjusted, alpha);
    }

    /** The model's {@code alpha} applied to a new history (see {@link FittedModel#update}). O(window). */
    static ThetaModel refit(double[] history, int season, double alpha) {
        Forecaster.checkArguments(history, season, 1);
        Prepared p = prepare(history, season);
        return ThetaModel.of(season, p.indices, p.adjusted, alpha);
    }

    private static Prepared prepare(double[] history, int season) {
        int w = (int) Math.min(history.length, Math.max(MIN_WINDOW, (long) WINDOW_SEASONS * season));
        double[] y = w == history.length ? history : Arrays.copyOfRange(history, history.length - w, history.length);
        SeasonalIndices indices = SeasonalIndices.estimate(y, season);
        return new Prepared(indices, indices.adjust(y));
    }

    private record Prepared(SeasonalIndices indices, double[] adjusted) {
    }

    @Override
    public String toString() {
        return NAME;
    }
}
