package io.sessiongrid.forecast;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The equally weighted combination of several fitted models: the mean of their point forecasts, and as error
 * variance the mean of theirs (an upper bound for the combination's, since the models' errors are positively
 * correlated in practice). Combinations often beat every member (Bates and Granger, 1969).
 *
 * @param models the combined models, at least two
 */
record MeanModel(List<FittedModel> models) implements FittedModel {

    MeanModel {
        if (models.size() < 2) {
            throw new IllegalArgumentException("a combination needs at least two models, got " + models.size());
        }
        models = List.copyOf(models);
    }

    @Override
    public String name() {
        return models.stream().map(FittedModel::name).collect(Collectors.joining("+", "mean(", ")"));
    }

    @Override
    public String describe() {
        return models.stream().map(FittedModel::describe).collect(Collectors.joining(" + ", "mean of ", ""));
    }

    @Override
    public Forecast forecast(int horizon) {
        double[] mean = new double[horizon];
        double[] var = new double[horizon];
        for (FittedModel model : models) {
            Forecast f = model.forecast(horizon);
            for (int k = 0; k < horizon; k++) {
                mean[k] += f.mean(k) / models.size();
                double halfWidth = (f.upper(k) - f.lower(k)) / (2 * Forecast.Z_95);
                var[k] += halfWidth * halfWidth / models.size();
            }
        }
        return Forecast.withVariances(mean, var);
    }

    @Override
    public FittedModel update(double[] history) {
        return new MeanModel(models.stream().map(m -> m.update(history)).toList());
    }
}
