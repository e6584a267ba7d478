package io.sessiongrid.forecast;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A fitted {@link Combination}.
 *
 * @param kind    how the members' forecasts are merged
 * @param members the fitted members, at least two
 * @param weights one weight per member, summing to 1 (ignored by {@link Combination.Kind#MEDIAN})
 */
record CombinedModel(Combination.Kind kind, List<FittedModel> members, double[] weights) implements FittedModel {

    CombinedModel {
        if (members.size() < 2 || weights.length != members.size()) {
            throw new IllegalArgumentException("a combination needs at least two members and one weight each, got "
                    + members.size() + " members and " + weights.length + " weights");
        }
        members = List.copyOf(members);
        weights = weights.clone();
    }

    /**
     * Weights from backtest errors: proportional to {@code 1 / mae^2} over the members with a finite error
     * (a member whose forecasts were not finite gets 0); equal when no member has a positive finite error
     * (no backtest origin, or all errors zero: then the members with zero error share the weight).
     */
    static double[] weights(double[] mae) {
        double[] w = new double[mae.length];
        double total = 0;
        for (int i = 0; i < mae.length; i++) {
            if (mae[i] > 0 && Double.isFinite(mae[i])) {
                w[i] = 1 / (mae[i] * mae[i]);
                total += w[i];
            }
        }
        boolean anyZero = Arrays.stream(mae).anyMatch(v -> v == 0);
        if (total == 0 || anyZero) {
            long share = anyZero ? Arrays.stream(mae).filter(v -> v == 0).count() : mae.length;
            for (int i = 0; i < mae.length; i++) {
                w[i] = !anyZero || mae[i] == 0 ? 1.0 / share : 0;
            }
            return w;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= total;
        }
        return w;
    }

    /** The members' forecasts merged by {@code kind} (see {@link Combination}). */
    static Forecast combine(Combination.Kind kind, double[] weights, Forecast[] forecasts) {
        int horizon = forecasts[0].horizon();
        double[] mean = new double[horizon];
        double[] lower = new double[horizon];
        double[] upper = new double[horizon];
        double[] column = new double[forecasts.length];
        for (int k = 0; k < horizon; k++) {
            if (kind == Combination.Kind.MEDIAN) {
                final int step = k;
                mean[k] = median(forecasts, f -> f.mean(step), column);
                lower[k] = median(forecasts, f -> f.lower(step), column);
                upper[k] = median(forecasts, f -> f.upper(step), column);
            } else {
                for (int i = 0; i < forecasts.length; i++) {
                    if (weights[i] > 0) {
                        mean[k] += weights[i] * forecasts[i].mean(k);
                        lower[k] += weights[i] * forecasts[i].lower(k);
                        upper[k] += weights[i] * forecasts[i].upper(k);
                    }
                }
            }
        }
        return new Forecast(mean, lower, upper, forecasts[0].confidence());
    }

    private static double median(Forecast[] forecasts, java.util.function.ToDoubleFunction<Forecast> value,
                                 double[] column) {
        for (int i = 0; i < forecasts.length; i++) {
            column[i] = value.applyAsDouble(forecasts[i]);
        }
        Arrays.sort(column);
        int n = column.length;
        return n % 2 == 1 ? column[n / 2] : (column[n / 2 - 1] + column[n / 2]) / 2;
    }

    @Override
    public String name() {
        return kind.label();
    }

    @Override
    public String describe() {
        String inner = IntStream.range(0, members.size())
                .mapToObj(i -> kind == Combination.Kind.MEDIAN ? members.get(i).describe()
                        : String.format(Locale.ROOT, "%.2f x %s", weights[i], members.get(i).describe()))
                .collect(Collectors.joining("; "));
        return kind.label() + " of [" + inner + "]";
    }

    @Override
    public Forecast forecast(int horizon) {
        Forecast[] forecasts = new Forecast[members.size()];
        for (int i = 0; i < forecasts.length; i++) {
            forecasts[i] = members.get(i).forecast(horizon);
        }
        return combine(kind, weights, forecasts);
    }

    @Override
    public FittedModel update(double[] history) {
        return new CombinedModel(kind, members.stream().map(m -> m.update(history)).toList(), weights);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CombinedModel c && kind == c.kind && members.equals(c.members)
                && Arrays.equals(weights, c.weights);
    }

    @Override
    public int hashCode() {
        return 31 * members.hashCode() + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return describe();
    }
}
