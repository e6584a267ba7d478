package io.sessiongrid.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Chooses, per series, a combination of the candidates or, on clear evidence, a single one, by a rolling-origin
 * backtest inside the history, then calibrates the chosen model's intervals on the same backtest:
 * <ol>
 *   <li>fit every candidate once (seasonal naive first, then the others);</li>
 *   <li>replay each fitted candidate's parameters ({@link FittedModel#update}) at {@link #origins origins}
 *       over the end of the history and score its {@code horizon}-step mean absolute error;</li>
 *   <li>from all the candidates, build the {@link Combination median} and the {@link Combination weighted}
 *       combination (weights from the scores of step 2; their backtest forecasts are the merged forecasts of
 *       their members, so they cost nothing more);</li>
 *   <li>keep the better-scoring combination unless the best single model scores lower by more than one standard
 *       error of the paired per-origin differences ({@link #choose});</li>
 *   <li>stretch or shrink its 95% intervals by the factor that made exactly 95% of the backtest's actual
 *       values fall inside them ({@link Validation#intervalStretch}): model-based intervals assume Gaussian
 *       errors and are far too wide on spiky series and too narrow on bursty ones.</li>
 * </ol>
 * The package documentation says why. Fitting costs the sum of the candidates' fits plus O(origins * window) per
 * candidate. The fitted model keeps the choice, the weights and the stretch through {@link FittedModel#update}:
 * refit now and then, update in between.
 */
final class AutoForecaster implements Forecaster {

    static final String NAME = "auto";
    /** The fewest backtest origins inside the history. */
    static final int ORIGINS = 40;
    /** Backtest actual values wanted (origins x horizon), for a stable 95% quantile; more origins if needed. */
    static final int SAMPLES = 480;
    /** The interval stretch is kept within [1/1000, 1000]: only a guard against degenerate backtests. */
    static final double MIN_STRETCH = 1e-3;
    static final double MAX_STRETCH = 1e3;
    /** The backtest spans at least this many seasons, so that every phase of the season is scored. */
    private static final int SPAN_SEASONS = 3;

    private final List<Forecaster> candidates;

    AutoForecaster(List<Forecaster> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("auto needs at least one candidate forecaster");
        }
        this.candidates = List.copyOf(candidates);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The candidates, in order of preference on ties. */
    List<Forecaster> candidates() {
        return candidates;
    }

    /**
     * The backtest origins: at least {@link #ORIGINS}, and enough for {@link #SAMPLES} scored values, over at least
     * {@code max(4 horizon, 3 seasons)} points, at most a third of the history.
     */
    static int[] origins(int n, int season, int horizon) {
        int wanted = Math.max(ORIGINS, (SAMPLES + horizon - 1) / horizon);
        return Validation.spread(n, Math.max(Math.max(4 * horizon, SPAN_SEASONS * season), wanted), horizon, wanted);
    }

    @Override
    public FittedModel fit(double[] history, int season, int horizon) {
        Forecaster.checkArguments(history, season, horizon);
        int[] origins = origins(history.length, season, horizon);
        double[][] prefixes = Validation.prefixes(history, origins);
        List<FittedModel> models = new ArrayList<>();
        List<Forecast[]> replays = new ArrayList<>();
        for (Forecaster candidate : candidates) {
            FittedModel model = candidate.fit(history, season, horizon);
            models.add(model);
            replays.add(Validation.replay(model, prefixes, horizon));
        }
        int singles = models.size();
        if (singles >= 2) {
            double[] weights = CombinedModel.weights(replays.stream()
                    .mapToDouble(r -> Validation.meanAbsoluteError(r, history, origins)).toArray());
            List<FittedModel> members = List.copyOf(models);
            for (Combination.Kind kind : Combination.Kind.values()) {
                models.add(new CombinedModel(kind, members, weights));
                Forecast[] merged = new Forecast[origins.length];
                for (int o = 0; o < origins.length; o++) {
                    Forecast[] memberForecasts = new Forecast[singles];
                    for (int i = 0; i < singles; i++) {
                        memberForecasts[i] = replays.get(i)[o];
                    }
                    merged[o] = CombinedModel.combine(kind, weights, memberForecasts);
                }
                replays.add(merged);
            }
        }
        int chosen = choose(models, replays, singles, history, origins);
        List<String> scores = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            scores.add(String.format(Locale.ROOT, "%s=%.4g", models.get(i).name(),
                    Validation.meanAbsoluteError(replays.get(i), history, origins)));
        }
        double stretch = Validation.intervalStretch(replays.get(chosen), history, origins);
        stretch = Double.isFinite(stretch) ? Math.max(MIN_STRETCH, Math.min(MAX_STRETCH, stretch)) : 1;
        return new Chosen(models.get(chosen), stretch, String.join(", ", scores));
    }

    /**
     * The rule: the better-scoring combination, unless the best single model scored lower by more than one
     * standard error of the paired per-origin differences (a one-standard-error rule against selection noise).
     * Models at index {@code >= singles} are combinations. With no backtest origin, the first combination.
     */
    static int choose(List<FittedModel> models, List<Forecast[]> replays, int singles, double[] history,
                      int[] origins) {
        double[][] errors = new double[models.size()][];
        double[] mae = new double[models.size()];
        for (int i = 0; i < models.size(); i++) {
            errors[i] = Validation.originErrors(replays.get(i), history, origins);
            mae[i] = Arrays.stream(errors[i]).average().orElse(Double.NaN);
        }
        int single = argmin(mae, 0, singles);
        if (singles == models.size()) {
            return single;
        }
        int combination = argmin(mae, singles, models.size());
        if (Double.isNaN(mae[combination]) || !(mae[single] < mae[combination])) {
            return combination;
        }
        if (!Double.isFinite(mae[combination])) {
            return single;
        }
        int n = origins.length;
        double mean = mae[single] - mae[combination];
        double squares = 0;
        for (int o = 0; o < n; o++) {
            double d = errors[single][o] - errors[combination][o] - mean;
            squares += d * d;
        }
        double standardError = n > 1 ? Math.sqrt(squares / (n - 1) / n) : Double.POSITIVE_INFINITY;
        return mae[single] + standardError < mae[combination] ? single : combination;
    }

    /** The index of the lowest finite-or-infinite value in {@code [from, to)}; {@code from} when all are NaN. */
    private static int argmin(double[] v, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            if (v[i] < v[best] || Double.isNaN(v[best])) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return NAME;
    }

    /**
     * The chosen model, its interval stretch and the backtest scores that chose it.
     *
     * @param model   the chosen single model or combination
     * @param stretch the factor applied to the half-width of its intervals
     * @param scores  every candidate's backtest mean absolute error, for {@link #describe}
     */
    record Chosen(FittedModel model, double stretch, String scores) implements FittedModel {

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "auto -> %s, intervals x%.2f (validation MAE: %s)", model.describe(),
                    stretch, scores);
        }

        @Override
        public Forecast forecast(int horizon) {
            Forecast f = model.forecast(horizon);
            if (stretch == 1) {
                return f;
            }
            double[] mean = f.mean();
            double[] lower = new double[horizon];
            double[] upper = new double[horizon];
            for (int k = 0; k < horizon; k++) {
                lower[k] = mean[k] - stretch * (mean[k] - f.lower(k));
                upper[k] = mean[k] + stretch * (f.upper(k) - mean[k]);
            }
            return new Forecast(mean, lower, upper, f.confidence());
        }

        @Override
        public FittedModel update(double[] history) {
            return new Chosen(model.update(history), stretch, scores);
        }
    }
}
