package io.sessiongrid.node.cli;

import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.config.internal.DurationFormat;
import io.sessiongrid.forecast.Forecasters;
import io.sessiongrid.forecast.backtest.Trace;
import io.sessiongrid.forecast.backtest.TraceCsv;
import io.sessiongrid.node.bench.BenchReport;
import io.sessiongrid.node.bench.BenchResult;
import io.sessiongrid.scaling.HpaPolicy;
import io.sessiongrid.scaling.PredictivePolicy;
import io.sessiongrid.scaling.ScalingLimits;
import io.sessiongrid.simulate.ForecastSetup;
import io.sessiongrid.simulate.SimulationChart;
import io.sessiongrid.simulate.SimulationResult;
import io.sessiongrid.simulate.SimulationSettings;
import io.sessiongrid.simulate.Simulator;
import io.sessiongrid.simulate.Simulator.Comparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code sessiongrid simulate --trace FILE.csv}: replays traces as cluster demand through the predictive policy
 * and the HPA baseline ({@link Simulator}), prints a table per trace and writes {@code <out>/simulate.json}
 * (when both policies ran). Exit 0 after a simulation, whether the bars were met or not (the table says); 2 on
 * bad options or an unusable trace.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Replays timestamp,value CSV traces as cluster demand through the predictive scaling policy "
                + "and a Kubernetes-HPA baseline, with servers that become ready --lead after they are requested.",
                "Prints under-provisioned minutes, SLO minutes, member-hours and scaling actions per policy and "
                        + "writes <out>/simulate.json and a chart per trace."})
public final class SimulateCommand implements Callable<Integer> {

    static final double UNDERPROVISIONED_BAR = 0.2;
    static final double MEMBER_HOURS_BAR = 1.1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--trace", required = true, paramLabel = "FILE",
            description = "CSV trace (repeat for several): a header, then time,value rows.")
    private List<Path> traces;

    @Option(names = "--policy", paramLabel = "P", defaultValue = "both",
            description = "predictive, reactive or both (default: ${DEFAULT-VALUE}).")
    private String policy;

    @Option(names = "--lead", paramLabel = "DURATION", defaultValue = "2m", converter = DurationConverter.class,
            description = "From a server's request to its readiness, e.g. 90s, 2m (default: ${DEFAULT-VALUE}).")
    private Duration lead;

    @Option(names = "--capacity", paramLabel = "N",
            description = "Demand one server serves at 100 %% (default: the trace's peak / 20).")
    private Double capacity;

    @Option(names = "--target", paramLabel = "U", defaultValue = "0.7",
            description = "Target utilization, in (0, 1] (default: ${DEFAULT-VALUE}).")
    private double target;

    @Option(names = "--min", paramLabel = "N", defaultValue = "1", description = "Fewest servers (default: ${DEFAULT-VALUE}).")
    private int min;

    @Option(names = "--max", paramLabel = "N", defaultValue = "64", description = "Most servers (default: ${DEFAULT-VALUE}).")
    private int max;

    @Option(names = "--forecaster", paramLabel = "NAME", defaultValue = "auto",
            description = "Cluster forecaster of the predictive policy (default: ${DEFAULT-VALUE}).")
    private String forecaster;

    @Option(names = "--season", paramLabel = "S", defaultValue = "live",
            description = "How the predictive policy forecasts each trace: live (as the live analyzer does: a "
                    + "short-term forecast without season over the last analyzer.historyPoints points beside a "
                    + "seasonal one with the trace's daily season over ten days, from two days of history on; the "
                    + "policy takes the peak of both), daily (the seasonal one alone, from the 4th point on) or none "
                    + "(the short-term one alone) (default: ${DEFAULT-VALUE}).")
    private String season;

    @Option(names = "--chart", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write <out>/simulate-<trace>.png: demand, forecast band and ready capacity over the "
                    + "last 3 days (default: on; --no-chart to skip).")
    private boolean chart;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/bench",
            description = "Where simulate.json goes (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() {
        return TraceCommandRun.run("simulate", spec, this::run);
    }

    private int run(PrintWriter stdout) {
        Simulator.Policies policies = policies();
        checkOptions();
        Function<Trace, List<ForecastSetup>> setup = setup();
        Simulator simulator;
        try {
            simulator = new Simulator(SessionGridConfigLoader.defaults().scaling(), Forecasters.byName(forecaster),
                    setup);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--forecaster: " + e.getMessage());
        }
        List<Trace> loaded = new ArrayList<>();
        for (Path file : traces) {
            loaded.add(TraceCsv.read(file)); // every trace is read before anything runs: bad input fails fast
        }
        BenchReport report = new BenchReport("simulate", false, 0);
        for (Trace trace : loaded) {
            SimulationSettings settings = settings(trace);
            stdout.printf(Locale.ROOT, "%n%s: %d points, step %.0f s; capacity/server %.4g, target %.0f%%, lead %s, "
                            + "%d..%d servers; forecasting", trace.name(), trace.length(), trace.stepSeconds(),
                    settings.limits().capacityPerServer(), 100 * target, lead, min, max);
            stdout.flush();
            Comparison c = simulator.run(trace, settings, policies, k -> {
                stdout.print('.');
                stdout.flush();
            });
            stdout.println();
            print(stdout, c, season);
            if (chart) {
                stdout.printf(Locale.ROOT, "  chart: %s%n", SimulationChart.write(c, out));
            }
            addResults(report, c);
        }
        if (policies == Simulator.Policies.BOTH) {
            stdout.println(report.table());
            stdout.printf(Locale.ROOT, "wrote %s%n", report.write(out));
        } else {
            stdout.println("(one policy only: no comparison, simulate.json not written)");
        }
        return 0;
    }

    private SimulationSettings settings(Trace trace) {
        double perServer = capacity != null ? capacity : SimulationSettings.defaultCapacity(trace);
        return new SimulationSettings(new ScalingLimits(perServer, target, min, max), lead,
                SimulationSettings.DEFAULT_TICK);
    }

    private static void print(PrintWriter out, Comparison c, String season) {
        out.printf(Locale.ROOT, "  forecaster (season %s): %s%n", season, c.model());
        out.printf(Locale.ROOT, "  %-11s %14s %10s %12s %8s %8s%n", "policy", "underprov min", "SLO min",
                "member-h", "actions", "peak");
        for (SimulationResult r : c.results()) {
            out.printf(Locale.ROOT, "  %-11s %14.1f %10.1f %12.1f %8d %8d%n", r.policy(), r.underprovisionedMinutes(),
                    r.sloMinutes(), r.memberHours(), r.scalingActions(), r.peakServers());
        }
    }

    private static void addResults(BenchReport report, Comparison c) {
        SimulationResult p = c.result(PredictivePolicy.NAME);
        SimulationResult r = c.result(HpaPolicy.NAME);
        if (p == null || r == null) {
            return;
        }
        String mode = c.trace().name().replaceFirst("\\.csv$", "");
        String baseline = "Kubernetes HPA defaults";
        report.add(new BenchResult("underprovisioned_minutes", mode, p.underprovisionedMinutes(),
                r.underprovisionedMinutes(), baseline, "<= " + UNDERPROVISIONED_BAR,
                p.underprovisionedMinutes() <= UNDERPROVISIONED_BAR * r.underprovisionedMinutes()));
        report.add(BenchResult.ratioAtMost("member_hours", mode, p.memberHours(), r.memberHours(), baseline,
                MEMBER_HOURS_BAR));
        report.add(new BenchResult("scaling_actions", mode, p.scalingActions(), r.scalingActions(), baseline,
                "none", true));
        report.add(new BenchResult("slo_minutes", mode, p.sloMinutes(), r.sloMinutes(), baseline, "none", true));
    }

    private Function<Trace, List<ForecastSetup>> setup() {
        int points = SessionGridConfigLoader.defaults().analyzer().historyPoints();
        return switch (season.strip().toLowerCase(Locale.ROOT)) {
            case "live" -> t -> List.of(ForecastSetup.live(points), ForecastSetup.seasonal(t, points));
            case "daily" -> t -> List.of(ForecastSetup.daily(t));
            case "none" -> t -> List.of(ForecastSetup.live(points));
            default -> throw new ParameterException(spec.commandLine(), "--season: '" + season
                    + "' is not allowed; allowed: live, daily, none");
        };
    }

    private Simulator.Policies policies() {
        try {
            return Simulator.Policies.valueOf(policy.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--policy: '" + policy
                    + "' is not allowed; allowed: predictive, reactive, both");
        }
    }

    private void checkOptions() {
        if (capacity != null && !(capacity > 0 && Double.isFinite(capacity))) {
            throw new ParameterException(spec.commandLine(), "--capacity must be a number > 0, got " + capacity);
        }
        if (!(target > 0 && target <= 1)) {
            throw new ParameterException(spec.commandLine(), "--target must be in (0, 1], got " + target);
        }
        if (min < 1 || max < min) {
            throw new ParameterException(spec.commandLine(), "--min and --max need 1 <= min <= max, got " + min
                    + " and " + max);
        }
        if (lead.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--lead must be 0 or more, got " + lead);
        }
    }

    /** The configuration's duration syntax (2m, 90s, PT2M). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return DurationFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a duration; allowed: "
                        + DurationFormat.ALLOWED);
            }
        }
    }
}
