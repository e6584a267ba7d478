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
                "Prints MASE and sMAPE per model and writes <out>/forecast.json."})
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
            description = "Models to backtest, comma-separated (default: all of seasonal_naive, holt_winters, "
                    + "arima, auto). seasonal_naive always runs: it is the baseline.")
    private List<String> models = new ArrayList<>(Forecasters.NAMES);

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/bench",
            description = "Where forecast.json goes (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            return run(stdout);
        } catch (TraceException e) {
            stderr.println("forecast: " + e.getMessage());
            stderr.flush();
            return 2;
        } finally {
            stdout.flush();
        }
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
        stdout.printf(Locale.ROOT, "Backtesting %d models on %s: %d points (%d filled), step %s, season %d, "
                        + "horizon %d, %d origins over the second half%n", forecasters.size(), data.name(),
                values.length, data.filled(), step(data.stepSeconds()), m, h, Backtest.ORIGINS);
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
                "vs seas.naive", "cover95", "time s", "bar");
        for (BacktestResult r : results.values()) {
            double bar = r.model().equals("auto") ? AUTO_BAR : 1.0;
            BenchResult bench = BenchResult.ratioAtMost("mase", r.model(), r.mase(), baseline, "seasonal naive", bar);
            report.add(bench);
            stdout.printf(Locale.ROOT, "%-15s %8.3f %9.2f %14.3f %9.2f %9.1f  %s %s%n", r.model(), r.mase(),
                    r.smape(), r.mase() / baseline, r.coverage(), r.elapsed().toMillis() / 1000.0, bench.target(),
                    bench.met() ? "met" : "NOT MET");
        }
        Path file = report.write(out);
        stdout.printf(Locale.ROOT, "%nwrote %s%n", file);
        return 0;
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
        if (seconds % 3600 == 0) {
            return (long) (seconds / 3600) + " h";
        }
        if (seconds % 60 == 0) {
            return (long) (seconds / 60) + " min";
        }
        return seconds + " s";
    }
}
