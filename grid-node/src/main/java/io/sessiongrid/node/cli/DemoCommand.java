package io.sessiongrid.node.cli;

import io.sessiongrid.node.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code demo}: SessionGrid's main job on an embedded default, narrated step by step. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the main job on an embedded default: members, a client, sessions, a delta, a member loss.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--sessions", paramLabel = "N", defaultValue = "1000",
            description = "Sessions to write (1-1000000, default ${DEFAULT-VALUE}).")
    int sessions;

    @Override
    public Integer call() {
        if (sessions < 1 || sessions > 1_000_000) {
            System.err.println("--sessions must be between 1 and 1000000, was " + sessions);
            return 2;
        }
        return new Demo(System.out, sessions).run();
    }
}
