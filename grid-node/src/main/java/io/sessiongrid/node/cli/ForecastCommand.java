package io.sessiongrid.node.cli;

import io.sessiongrid.forecast.Forecaster;
import io.sessiongrid.forecast.Forecasters;
import io.sessiongrid.forecast.backtest.Backtest;
import io.sessiongrid.forecast.backtest.BacktestResult;
import io.sessiongrid.forecast.backtest.Trace;
import io.sessiongrid.forecast.backtest.TraceCsv;
import io.sessiongrid.forecast.backtest.TraceException;
import io.sessiongrid.node.bench.BenchReport;
import io.sessiongrid.node.bench.BenchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sessiongrid forecast --trace FILE.csv}: the rolling-origin backtest of every forecaster on a user's
 * trace ({@link Backtest} fixes the protocol), a table on stdout and {@code target/bench/forecast.json}.
 * Exit code 0 after a backtest (the bars met or not, as the table says); 2 on bad input: bad options (a
 * picocli {@link ParameterException}: message and usage) or an unusable trace (a {@link TraceException}: the
 * message on stderr).
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Backtests every forecaster on a timestamp,value CSV trace (NAB format, or seconds in the "
                + "first column): 40 rolling origins over the second half, MASE scaled by the seasonal-naive "
                + "error of the first half.",
                "Prints MASE, sMAPE and cover95 (the share of actual values inside the 95%% prediction interval) per model and writes <out>/forecast.json."})
public final class ForecastCommand implements Callable<Integer> {

    /** auto must be at least this much better than seasonal naive (MASE ratio) to meet the bar. */
    static final double AUTO_BAR = 0.9;
    private static final String BASELINE = "seasonal_naive";

    @Spec
    private CommandSpec spec;

    @Option(names = "--trace", required = true, paramLabel = "FILE",
            description = "CSV file: a header, then time,value rows (YYYY-MM-DD HH:MM:SS or seconds).")
    private Path trace;

    @Option(names = "--season", paramLabel = "N",
            description = "Seasonal period in points (default: one day divided by the trace's step).")
    private Integer season;

    @Option(names = "--horizon", paramLabel = "H",
            description = "Steps forecast at each origin (default: one hour divided by the trace's step).")
    private Integer horizon;

    @Option(names = "--models", split = ",", paramLabel = "NAME",
            description = "Models to backtest, comma-separated (default: all available, ${DEFAULT-VALUE}). "
                    + "seasonal_naive always runs: it is the baseline.")
    private List<String> models = new ArrayList<>(Forecasters.NAMES);

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/bench",
            description = "Where forecast.json goes (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() {
        return TraceCommandRun.run("forecast", spec, this::run);
    }

    private int run(PrintWriter stdout) {
        List<Forecaster> forecasters = forecasters();
        if (season != null && season < 1) {
            throw new ParameterException(spec.commandLine(), "--season must be at least 1 point, got " + season);
        }
        if (horizon != null && horizon < 1) {
            throw new ParameterException(spec.commandLine(), "--horizon must be at least 1 point, got " + horizon);
        }
        Trace data = TraceCsv.read(trace);
        int m = season != null ? season : data.defaultSeason();
        int h = horizon != null ? horizon : data.defaultHorizon();
        Backtest backtest = new Backtest(m, h);
        double[] values = data.values();
        backtest.check(data.name(), values);
        stdout.printf(Locale.ROOT, "Backtesting %d models on %s: %d points (%d filled: missing rows and empty or NaN "
                        + "values, interpolated linearly), step %s, season %d, horizon %d, %d origins over the "
                        + "second half%n", forecasters.size(), data.name(), values.length, data.filled(),
                step(data.stepSeconds()), m, h, Backtest.ORIGINS);
        stdout.flush();

        Map<String, BacktestResult> results = new LinkedHashMap<>();
        int i = 0;
        for (Forecaster forecaster : forecasters) {
            stdout.printf(Locale.ROOT, "  [%d/%d] %-15s ", ++i, forecasters.size(), forecaster.name());
            stdout.flush();
            BacktestResult result = backtest.run(forecaster, data.name(), values);
            results.put(forecaster.name(), result);
            stdout.printf(Locale.ROOT, "MASE %.3f  (%.1f s)%n", result.mase(), result.elapsed().toMillis() / 1000.0);
            stdout.flush();
        }

        double baseline = results.get(BASELINE).mase();
        BenchReport report = new BenchReport("forecast", false, 0);
        stdout.printf(Locale.ROOT, "%n%-15s %8s %9s %14s %9s %9s  %s%n", "model", "MASE", "sMAPE %",
                "vs seas.naive", "cover95", "ms/fit", "bar (on vs seas.naive)");
        for (BacktestResult r : results.values()) {
            double bar = r.model().equals("auto") ? AUTO_BAR : 1.0;
            BenchResult bench = BenchResult.ratioAtMost("mase", r.model(), r.mase(), baseline, "seasonal naive", bar);
            report.add(bench);
            stdout.printf(Locale.ROOT, "%-15s %8.3f %9.2f %14.3f %9.3f %9.1f  %s %s%n", r.model(), r.mase(),
                    r.smape(), r.mase() / baseline, r.coverage(), r.elapsed().toNanos() / 1e6 / Backtest.ORIGINS,
                    bench.target(), bench.met() ? "met" : "NOT MET");
        }
        legend(stdout, data.stepSeconds(), m, h, results, baseline);
        Path file = report.write(out);
        stdout.printf(Locale.ROOT, "%nwrote %s%n", file);
        return 0;
    }

    /** What the columns mean, for a reader who is not a forecaster, and what the best model implies. */
    private static void legend(PrintWriter stdout, double stepSeconds, int season, int horizon,
                               Map<String, BacktestResult> results, double baseline) {
        String ahead = step(stepSeconds * horizon);
        stdout.printf(Locale.ROOT, "%nHow to read this: each model forecast %s ahead (%d steps of %s) from %d points in "
                        + "time over the second half of the trace; the season is %d steps (%s).%n", ahead, horizon,
                step(stepSeconds), Backtest.ORIGINS, season, step(stepSeconds * season));
        stdout.printf(Locale.ROOT, "  MASE           mean absolute error, divided by the error of seasonal naive (\"the "
                + "value one season ago\") on the first half: below 1 beats that rule of thumb.%n");
        stdout.printf(Locale.ROOT, "  sMAPE %%        symmetric mean absolute percentage error: the typical error as a "
                + "percentage of the values (0 perfect, 200 worst).%n");
        stdout.printf(Locale.ROOT, "  vs seas.naive  MASE divided by seasonal naive's MASE in this same run: 0.80 means "
                + "20%% less error. The bar applies to this column: every model <= 1.0, auto <= %.1f.%n", AUTO_BAR);
        stdout.printf(Locale.ROOT, "  cover95        share of actual values inside the model's 95%% prediction interval: "
                + "0.95 is honest; lower is too narrow (risks under-provisioning), higher too wide (idle capacity).%n");
        stdout.printf(Locale.ROOT, "  ms/fit         time to fit and forecast once (all %d origins / %d).%n",
                Backtest.ORIGINS, Backtest.ORIGINS);
        stdout.printf(Locale.ROOT, "  NaN            a model produced a non-finite forecast; shown as is, its bar counts as "
                + "not met.%n");
        BacktestResult best = null;
        for (BacktestResult r : results.values()) {
            if (!r.model().equals(BASELINE) && Double.isFinite(r.mase()) && (best == null || r.mase() < best.mase())) {
                best = r;
            }
        }
        if (best == null || !(best.mase() < baseline)) {
            stdout.printf(Locale.ROOT, "Best: seasonal naive. No model beats \"the value one season ago\" on this trace: "
                    + "forecasts add nothing here; scale on observed load.%n");
            return;
        }
        BacktestResult auto = results.get("auto");
        stdout.printf(Locale.ROOT, "Best: %s, with %.0f%% less error than seasonal naive %s ahead (cover95 %.2f)%s.%n",
                best.model(), 100 * (1 - best.mase() / baseline), ahead, best.coverage(),
                auto == null || auto == best ? "" : String.format(Locale.ROOT, "; auto, what the analyzer and the "
                        + "scaling engine run, has %.0f%% less (cover95 %.2f)", 100 * (1 - auto.mase() / baseline),
                        auto.coverage()));
    }

    /** The requested forecasters, seasonal naive first (added when missing: it is the baseline). */
    private List<Forecaster> forecasters() {
        List<String> names = new ArrayList<>();
        names.add(BASELINE);
        for (String name : models) {
            String trimmed = name.strip();
            if (!names.contains(trimmed)) {
                names.add(trimmed);
            }
        }
        List<Forecaster> list = new ArrayList<>();
        for (String name : names) {
            try {
                list.add(Forecasters.byName(name));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--models: " + e.getMessage(), e, null, name);
            }
        }
        return list;
    }

    private static String step(double seconds) {
        if (seconds % 86400 == 0) {
            return (long) (seconds / 86400) + (seconds == 86400 ? " day" : " days");
        }
        if (seconds % 3600 == 0) {
            return (long) (seconds / 3600) + " h";
        }
        if (seconds % 60 == 0) {
            return (long) (seconds / 60) + " min";
        }
        return seconds + " s";
    }
}
