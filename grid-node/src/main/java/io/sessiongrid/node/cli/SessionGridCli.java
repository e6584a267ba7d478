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
        String level = System.getenv("SESSIONGRID_LOG_LEVEL");
        // slf4j-simple: SessionGrid's own lines (members joining and leaving, stops) at info, Hazelcast's at warn;
        // SESSIONGRID_LOG_LEVEL sets all of them. -D on the command line still wins.
        defaultProperty("org.slf4j.simpleLogger.defaultLogLevel", level == null ? "warn" : level);
        defaultProperty("org.slf4j.simpleLogger.log.io.sessiongrid", level == null ? "info" : level);
        for (String racy : HAZELCAST_SHUTDOWN_RACES) {
            defaultProperty("org.slf4j.simpleLogger.log." + racy, level == null ? "error" : level);
        }
        System.exit(commandLine().execute(args));
    }

    /**
     * Hazelcast 5.7 loggers that warn, with stack traces, about its own races while a member hands its partitions
     * over in a graceful shutdown; nothing is lost, the callers retry. The SQL state checker logs every second while
     * a member with SQL mappings stops (cf. hazelcast#24898); a parked event-journal read (the analyzer's Jet source)
     * whose partition migrates gets a response twice (PartitionMigratingException, then ResponseAlreadySent).
     * Errors only, so a stop says one line.
     */
    static final java.util.List<String> HAZELCAST_SHUTDOWN_RACES = java.util.List.of(
            "com.hazelcast.sql.impl.state.QueryStateRegistryUpdater",
            "com.hazelcast.spi.impl.operationservice.impl.OutboundResponseHandler",
            "com.hazelcast.internal.partition.operation.FinalizeMigrationOperation");

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
