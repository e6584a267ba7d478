package io.sessiongrid.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * A combination of forecasters (combinations won M4: 12 of its 17 most accurate methods combined several). The
 * members are fitted as usual; the combined forecast of each step is
 * <ul>
 *   <li>{@link Kind#MEDIAN}: the median of the members' forecasts, and of their interval bounds (robust: one
 *       member that goes astray cannot move it);</li>
 *   <li>{@link Kind#WEIGHTED}: their weighted mean, each member weighted by the inverse of its squared
 *       {@code horizon}-step mean absolute error in a rolling-origin backtest inside the history
 *       ({@link Validation}), so a member whose error explodes on a spike or a level shift gets almost no
 *       weight; the bounds are averaged with the same weights.</li>
 * </ul>
 * Averaging bounds (rather than combining variances under an assumed error correlation) gives intervals as wide
 * as the members' typical ones; {@code auto} then calibrates them. Fitting costs the members' fits, plus for
 * {@code WEIGHTED} O(origins * window) per member.
 */
final class Combination implements Forecaster {

    static final String MEDIAN = "median";
    static final String WEIGHTED = "weighted";

    /** How the members' forecasts are merged. */
    enum Kind {
        MEDIAN(Combination.MEDIAN), WEIGHTED(Combination.WEIGHTED);

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name {@link Forecasters#byName} knows this combination of the default members by. */
        String label() {
            return label;
        }
    }

    private final Kind kind;
    private final List<Forecaster> members;

    Combination(Kind kind, List<Forecaster> members) {
        if (members.size() < 2) {
            throw new IllegalArgumentException("a combination needs at least two members, got " + members.size());
        }
        this.kind = kind;
        this.members = List.copyOf(members);
    }

    @Override
    public String name() {
        return kind.label();
    }

    @Override
    public FittedModel fit(double[] history, int season, int horizon) {
        Forecaster.checkArguments(history, season, horizon);
        List<FittedModel> fitted = new ArrayList<>();
        for (Forecaster member : members) {
            fitted.add(member.fit(history, season, horizon));
        }
        double[] weights = new double[fitted.size()];
        if (kind == Kind.WEIGHTED) {
            int[] origins = Validation.origins(history.length, season, horizon, Validation.DEFAULT_ORIGINS);
            double[][] prefixes = Validation.prefixes(history, origins);
            for (int i = 0; i < fitted.size(); i++) {
                weights[i] = Validation.meanAbsoluteError(Validation.replay(fitted.get(i), prefixes, horizon),
                        history, origins);
            }
            weights = CombinedModel.weights(weights);
        }
        return new CombinedModel(kind, fitted, weights);
    }

    @Override
    public String toString() {
        return name();
    }
}
