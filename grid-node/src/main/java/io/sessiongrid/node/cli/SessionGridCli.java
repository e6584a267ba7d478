package io.sessiongrid.node.cli;

import io.sessiongrid.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./sessiongrid <command>}: bad options print what is allowed and exit 2 (picocli's usage code). */
@Command(name = "sessiongrid", mixinStandardHelpOptions = true, version = "SessionGrid 0.1.0",
        description = "Session-state partitioning and predictive scaling for Hazelcast.",
        subcommands = {StartCommand.class, DemoCommand.class, BenchCommand.class, ForecastCommand.class,
                KeysCommand.class, SimulateCommand.class})
public final class SessionGridCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        defaultProperty("hazelcast.logging.type", "slf4j");
        defaultProperty("hazelcast.phone.home.enabled", "false");
        defaultProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getenv().getOrDefault("SESSIONGRID_LOG_LEVEL", "warn"));
        System.exit(commandLine().execute(args));
    }

    // `java -jar sessiongrid-node.jar` gets the launcher's defaults too; -D on the command line still wins.
    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * The command line with SessionGrid's error handling: a bad configuration (an unknown role, a bad YAML value)
     * is a usage error like a bad option: its message and exit code 2. Any other failure prints its message and
     * exits 1; {@code -Dsessiongrid.debug=true} adds the stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SessionGridCli());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("sessiongrid " + command.getCommandName() + ": " + e.getMessage());
            if (Boolean.getBoolean("sessiongrid.debug")) {
                e.printStackTrace(command.getErr());
            }
            command.getErr().flush();
            return e instanceof ConfigException ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
        });
        return cli;
    }
}
