package io.sessiongrid.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks, per series, the candidate with the lowest {@code horizon}-step error in a rolling-origin backtest
 * inside the history ({@link Validation}): every candidate is fitted once, then its parameters are replayed
 * at {@value Validation#DEFAULT_ORIGINS} origins over the last part of the history. Besides the candidates
 * themselves, the mean of all candidates but seasonal naive competes too ({@link MeanModel}). Fitting costs
 * the sum of the candidates' fits plus O(origins * window) per candidate.
 *
 * <p>The fitted model is the chosen candidate's, wrapped so that {@link FittedModel#update} keeps the choice:
 * refit with {@code fit} now and then (the choice may change), and {@code update} in between (cheap).
 */
final class AutoForecaster implements Forecaster {

    static final String NAME = "auto";

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

    @Override
    public FittedModel fit(double[] history, int season, int horizon) {
        Forecaster.checkArguments(history, season, horizon);
        int[] origins = Validation.origins(history.length, season, horizon, Validation.DEFAULT_ORIGINS);
        List<FittedModel> models = new ArrayList<>();
        for (Forecaster candidate : candidates) {
            models.add(candidate.fit(history, season, horizon));
        }
        List<FittedModel> combined = models.stream().filter(m -> !m.name().equals(SeasonalNaive.NAME)).toList();
        if (combined.size() >= 2) {
            models.add(new MeanModel(combined));
        }
        List<String> scores = new ArrayList<>();
        FittedModel chosen = null;
        double chosenError = Double.POSITIVE_INFINITY;
        for (FittedModel model : models) {
            double error = Validation.meanAbsoluteError(model, history, origins, horizon);
            scores.add(String.format(java.util.Locale.ROOT, "%s=%.4g", model.name(), error));
            if (chosen == null || error < chosenError) {
                chosen = model;
                chosenError = error;
            }
        }
        return new Chosen(chosen, String.join(", ", scores));
    }

    @Override
    public String toString() {
        return NAME;
    }

    /** The chosen candidate's model and the validation scores that chose it. */
    record Chosen(FittedModel model, String scores) implements FittedModel {

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String describe() {
            return "auto -> " + model.describe() + " (validation MAE: " + scores + ")";
        }

        @Override
        public Forecast forecast(int horizon) {
            return model.forecast(horizon);
        }

        @Override
        public FittedModel update(double[] history) {
            return new Chosen(model.update(history), scores);
        }
    }
}
