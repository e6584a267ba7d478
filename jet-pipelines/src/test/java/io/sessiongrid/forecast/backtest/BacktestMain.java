package io.sessiongrid.forecast.backtest;

import io.sessiongrid.forecast.Forecaster;
import io.sessiongrid.forecast.Forecasters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Manual runs only: backtests every forecaster on every trace in a folder (args: folder [models...]). */
public final class BacktestMain {
    private BacktestMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/traces");
        List<String> models = args.length > 1 ? List.of(args).subList(1, args.length) : Forecasters.NAMES;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        for (Path file : files) {
            Trace trace = TraceCsv.read(file);
            Backtest backtest = new Backtest(trace.defaultSeason(), trace.defaultHorizon());
            double sn = Double.NaN;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-42s n=%5d m=%3d h=%2d",
                    trace.name(), trace.length(), backtest.season(), backtest.horizon()));
            long start = System.nanoTime();
            for (String name : models) {
                Forecaster f = Forecasters.byName(name);
                BacktestResult r = backtest.run(f, trace.name(), trace.values());
                if (name.equals("seasonal_naive")) {
                    sn = r.mase();
                }
                line.append(String.format(Locale.ROOT, " | %s %.3f (%.2f, cov %.2f, %d ms)", name, r.mase(),
                        r.mase() / sn, r.coverage(), r.elapsed().toMillis()));
                if (System.getProperty("verbose") != null) {
                    System.out.println("   " + r.lastModel());
                }
            }
            line.append(String.format(Locale.ROOT, " | total %d ms", (System.nanoTime() - start) / 1_000_000));
            System.out.println(line);
        }
    }
}
