package io.sessiongrid.node.cli;

import io.sessiongrid.forecast.backtest.TraceException;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.function.ToIntFunction;

/**
 * How the commands that read a user's trace ({@code forecast}, {@code simulate}) end: a bad trace is a usage error
 * (its message, exit 2), and standard output is flushed whatever happens.
 */
final class TraceCommandRun {
    private TraceCommandRun() {
    }

    static int run(String command, CommandSpec spec, ToIntFunction<PrintWriter> body) {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            return body.applyAsInt(stdout);
        } catch (TraceException e) {
            stderr.println(command + ": " + e.getMessage());
            stderr.flush();
            return 2;
        } finally {
            stdout.flush();
        }
    }
}
