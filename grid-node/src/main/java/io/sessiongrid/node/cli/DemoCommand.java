package io.sessiongrid.node.cli;

import io.sessiongrid.config.internal.DurationFormat;
import io.sessiongrid.node.demo.Demo;
import io.sessiongrid.node.demo.StoryDemo;
import io.sessiongrid.node.demo.StoryOptions;
import io.sessiongrid.workload.WorkloadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code demo}: the story (a compressed day scaled by forecast with real server processes, {@link StoryDemo}), or
 * with {@code --basics} the narrated checks of the store, a client and a member loss ({@link Demo}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run SessionGrid's main job on an embedded default: one compressed day of an application's "
                + "connections; the engine starts real server processes before the peak, migrates the busiest "
                + "connections with selective replay and retires servers after it; every session is verified. "
                + "Writes target/demo/summary.json and target/demo/report.html.",
                "--basics: instead, two members and a client: sessions, a delta, analysis, identifiers, a member loss."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "120s",
            description = "Length of the compressed day (40s to 2h, default ${DEFAULT-VALUE}; start-up and wind-down "
                    + "add about 30 s).")
    String duration;

    @Option(names = "--trace", paramLabel = "FILE.csv",
            description = "Replay the first day of a timestamp,value trace instead of the built-in day.")
    Path trace;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "" + StoryOptions.DEFAULT_CONNECTIONS,
            description = "Application connections, one session each (" + StoryOptions.MIN_CONNECTIONS + "-"
                    + StoryOptions.MAX_CONNECTIONS + ", default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/demo",
            description = "Where summary.json and report.html go (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--basics", description = "Run the basic checks instead: store, client, delta, analysis, "
            + "identifiers, a member loss.")
    boolean basics;

    @Option(names = "--sessions", paramLabel = "N", defaultValue = "1000",
            description = "With --basics: sessions to write (" + Demo.MIN_SESSIONS + "-" + Demo.MAX_SESSIONS
                    + ", default ${DEFAULT-VALUE}).")
    int sessions;

    @Spec
    CommandSpec spec;

    /**
     * The story narrates what happens; the members' own INFO lines (and Hazelcast's warnings about members that
     * leave, which the story retires on purpose) would bury it. {@code SESSIONGRID_LOG_LEVEL} still decides when set.
     * Effective because no logger exists before a command runs (SLF4J's simple logger reads these once).
     */
    private static void quietLogs() {
        if (System.getenv("SESSIONGRID_LOG_LEVEL") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.io.sessiongrid", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.com.hazelcast", "error");
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        if (basics) {
            if (sessions < Demo.MIN_SESSIONS || sessions > Demo.MAX_SESSIONS) {
                // Picocli prints the message and the usage, and exits with 2.
                throw new ParameterException(spec.commandLine(), "--sessions must be between " + Demo.MIN_SESSIONS
                        + " and " + Demo.MAX_SESSIONS + ", got " + sessions);
            }
            return new Demo(System.out, sessions).run();
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--sessions")) {
            throw new ParameterException(spec.commandLine(), "--sessions applies to --basics only; the story's "
                    + "connections (one session each) are set with --connections");
        }
        Duration day;
        try {
            day = DurationFormat.parse(duration);
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), "--duration " + duration + ": not a duration; e.g. 120s, "
                    + "3m, 1h");
        }
        if (trace != null && !Files.isReadable(trace)) {
            throw new ParameterException(spec.commandLine(), "--trace " + trace + ": no such readable file");
        }
        quietLogs();
        StoryOptions options;
        try {
            options = new StoryOptions(day, Optional.ofNullable(trace), connections, out);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            return new StoryDemo(System.out, options).run();
        } catch (WorkloadException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage()); // an unreadable trace: exit 2
        }
    }
}
