package io.sessiongrid.node.cli;

import io.sessiongrid.node.bench.BenchReport;
import io.sessiongrid.node.bench.Scenarios;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code bench <scenario> [--quick]}: runs a scenario against its baseline and writes target/bench/&lt;scenario&gt;.json. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark scenario against its baseline in the same run.")
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "One of: ${COMPLETION-CANDIDATES}",
            completionCandidates = Scenarios.Names.class)
    String scenario;

    @Option(names = "--quick", description = "A short run (under 60 s), as CI may run it.")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the JSON goes (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("target", "bench");

    @Override
    public Integer call() throws Exception {
        Scenarios.Scenario run = Scenarios.find(scenario).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "unknown scenario '" + scenario + "'; allowed: " + Scenarios.names()));
        BenchReport report = run.run(quick, System.out);
        System.out.println(report.table());
        System.out.println("written " + report.write(out));
        return 0;
    }
}
