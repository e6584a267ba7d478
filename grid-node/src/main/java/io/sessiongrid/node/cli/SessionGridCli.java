package io.sessiongrid.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./sessiongrid <command>}: bad options print what is allowed and exit 2 (picocli's usage code). */
@Command(name = "sessiongrid", mixinStandardHelpOptions = true, version = "SessionGrid 0.1.0",
        description = "Session-state partitioning and predictive scaling for Hazelcast.",
        subcommands = {StartCommand.class, DemoCommand.class, BenchCommand.class, ForecastCommand.class})
public final class SessionGridCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SessionGridCli()).execute(args));
    }
}
