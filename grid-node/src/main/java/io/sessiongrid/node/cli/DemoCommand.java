package io.sessiongrid.node.cli;

import io.sessiongrid.node.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code demo}: SessionGrid's main job on an embedded default, narrated step by step. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the main job on an embedded default: members, a client, sessions, a delta, a member loss.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--sessions", paramLabel = "N", defaultValue = "1000",
            description = "Sessions to write (" + Demo.MIN_SESSIONS + "-" + Demo.MAX_SESSIONS + ", default ${DEFAULT-VALUE}).")
    int sessions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (sessions < Demo.MIN_SESSIONS || sessions > Demo.MAX_SESSIONS) {
            // Picocli prints the message and the usage, and exits with 2.
            throw new ParameterException(spec.commandLine(), "--sessions must be between " + Demo.MIN_SESSIONS
                    + " and " + Demo.MAX_SESSIONS + ", got " + sessions);
        }
        return new Demo(System.out, sessions).run();
    }
}
