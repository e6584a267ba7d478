package io.sessiongrid.forecast;

import java.util.function.ToDoubleFunction;

/**
 * A minimal Nelder-Mead simplex minimiser for a handful of unconstrained parameters (the forecasters map
 * their bounded parameters through a logistic transform). Deterministic; O(maxEvaluations) objective calls.
 */
final class NelderMead {
    private NelderMead() {
    }

    /**
     * Minimises {@code objective} from {@code start}.
     *
     * @param objective      the function; non-finite values count as +infinity
     * @param start          the starting point (not modified)
     * @param step           the initial simplex edge along every axis
     * @param maxEvaluations the evaluation budget
     * @param tolerance      stop when the simplex's values differ by less than this, relatively
     * @return the best point found
     */
    static double[] minimize(ToDoubleFunction<double[]> objective, double[] start, double step,
                             int maxEvaluations, double tolerance) {
        int n = start.length;
        double[][] x = new double[n + 1][];
        double[] f = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            x[i] = start.clone();
            if (i > 0) {
                x[i][i - 1] += step;
            }
            f[i] = value(objective, x[i]);
        }
        int evaluations = n + 1;
        double[] centroid = new double[n];
        while (evaluations < maxEvaluations) {
            sort(x, f);
            if (Math.abs(f[n] - f[0]) <= tolerance * (Math.abs(f[0]) + 1e-300)) {
                break;
            }
            java.util.Arrays.fill(centroid, 0);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += x[i][j] / n;
                }
            }
            double[] reflected = along(centroid, x[n], -1.0);
            double fr = value(objective, reflected);
            evaluations++;
            if (fr < f[0]) {
                double[] expanded = along(centroid, x[n], -2.0);
                double fe = value(objective, expanded);
                evaluations++;
                if (fe < fr) {
                    x[n] = expanded;
                    f[n] = fe;
                } else {
                    x[n] = reflected;
                    f[n] = fr;
                }
            } else if (fr < f[n - 1]) {
                x[n] = reflected;
                f[n] = fr;
            } else {
                boolean outside = fr < f[n];
                double[] contracted = along(centroid, x[n], outside ? -0.5 : 0.5);
                double fc = value(objective, contracted);
                evaluations++;
                if (fc < Math.min(fr, f[n])) {
                    x[n] = contracted;
                    f[n] = fc;
                } else {
                    for (int i = 1; i <= n; i++) {
                        for (int j = 0; j < n; j++) {
                            x[i][j] = x[0][j] + 0.5 * (x[i][j] - x[0][j]);
                        }
                        f[i] = value(objective, x[i]);
                    }
                    evaluations += n;
                }
            }
        }
        sort(x, f);
        return x[0];
    }

    /** {@code centroid + t * (worst - centroid)}. */
    private static double[] along(double[] centroid, double[] worst, double t) {
        double[] p = new double[centroid.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = centroid[j] + t * (worst[j] - centroid[j]);
        }
        return p;
    }

    private static double value(ToDoubleFunction<double[]> objective, double[] p) {
        double v = objective.applyAsDouble(p);
        return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
    }

    private static void sort(double[][] x, double[] f) {
        for (int i = 1; i < f.length; i++) {
            double fi = f[i];
            double[] xi = x[i];
            int j = i - 1;
            while (j >= 0 && f[j] > fi) {
                f[j + 1] = f[j];
                x[j + 1] = x[j];
                j--;
            }
            f[j + 1] = fi;
            x[j + 1] = xi;
        }
    }
}
