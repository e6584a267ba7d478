package io.sessiongrid.profiler;

import io.sessiongrid.forecast.Forecast;
import io.sessiongrid.forecast.Forecaster;
import io.sessiongrid.forecast.Forecasters;

/**
 * Turns a closed window and the VM-count history into an {@link AppProfile}. Pure.
 *
 * <p>The forecast is the configured forecaster's over {@code horizonWindows} steps: {@code predictedVms} is its point
 * forecast at the last step, {@code upperBound} the highest upper bound of its 95% intervals over the horizon and
 * {@code lowerBound} the lowest lower bound (at least 0). With fewer than {@link Forecaster#MIN_HISTORY} windows the
 * profile repeats the last VM count with confidence 0.
 */
final class VmForecasting {
    private VmForecasting() {
    }

    static AppProfile profile(ProfileWindows.Window w, double[] history, ProfilerConfig config) {
        long horizonMillis = config.horizon().toMillis();
        if (history.length < Forecaster.MIN_HISTORY) {
            return profile(w, w.vmCount(), w.vmCount(), w.vmCount(), 0, horizonMillis, "last_value", history.length);
        }
        int h = config.horizonWindows();
        Forecast f = Forecasters.byName(config.forecaster()).forecast(history, config.season(), h);
        double predicted = Math.max(0, f.mean(h - 1));
        double upper = predicted;
        double lower = predicted;
        for (int k = 0; k < h; k++) {
            upper = Math.max(upper, f.upper(k));
            lower = Math.min(lower, f.lower(k));
        }
        lower = Math.max(0, lower);
        return profile(w, predicted, lower, upper, confidence(predicted, lower, upper, history.length, h),
                horizonMillis, config.forecaster(), history.length);
    }

    /**
     * Trust in a forecast, 0..1: {@code sufficiency x precision}. Precision is {@code 1 / (1 + r)} with r the
     * interval's half-width relative to the prediction ({@code (upper - lower) / (2 max(1, predicted))}): a tight
     * interval gives about 1, one as wide as the prediction 0.5. Sufficiency is {@code min(1, windows / (4 x horizon))}:
     * a forecast is fully trusted only on a history four times as long as its horizon.
     */
    static double confidence(double predicted, double lower, double upper, int windows, int horizonWindows) {
        double relativeHalfWidth = (upper - lower) / (2 * Math.max(1, predicted));
        double precision = 1 / (1 + Math.max(0, relativeHalfWidth));
        double sufficiency = Math.min(1, windows / (4.0 * horizonWindows));
        return Math.max(0, Math.min(1, sufficiency * precision));
    }

    private static AppProfile profile(ProfileWindows.Window w, double predicted, double lower, double upper,
                                      double confidence, long horizonMillis, String model, int windows) {
        return new AppProfile(w.appId(), w.end(), w.samples(), w.vmCount(), w.cpu(), w.memoryBytes(),
                w.networkBytesPerSecond(), w.dataRate(), w.interVmBytesPerSecond(), predicted, lower, upper,
                confidence, horizonMillis, model, windows);
    }
}
