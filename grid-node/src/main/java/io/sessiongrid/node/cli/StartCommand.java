package io.sessiongrid.node.cli;

import com.hazelcast.config.Config;
import io.sessiongrid.config.HazelcastConfigs;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.node.member.GridMember;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code start}: one grid member in the foreground until it is stopped (Ctrl-C or SIGTERM shut it down gracefully). */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start a grid member from YAML and run until stopped.")
final class StartCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "sessiongrid.yaml (default: the shipped defaults)")
    Path config;

    @Option(names = "--hazelcast", paramLabel = "FILE", description = "Hazelcast member YAML (default: loopback, cluster 'sessiongrid', port 5701+)")
    Path hazelcast;

    @Option(names = "--lite", description = "Join as a lite member (owns no data).")
    boolean lite;

    @Option(names = "--role", paramLabel = "ROLE", description = "Server role, one of the config's roles.")
    String role;

    @Override
    public Integer call() throws InterruptedException {
        SessionGridConfig sg = config == null ? SessionGridConfigLoader.defaults() : SessionGridConfigLoader.load(config);
        Config member = HazelcastConfigs.member(hazelcast);
        GridMember grid = GridMember.start(sg, member, lite, role);
        System.out.println("SessionGrid member " + grid.address() + " up in cluster '" + member.getClusterName()
                + "' (" + grid.describe() + "); Ctrl-C to stop");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("SessionGrid member " + grid.address() + ": shutting down gracefully (backups handed over)");
            grid.shutdown();
        }, "sessiongrid-shutdown"));
        grid.awaitShutdown();
        return 0;
    }
}
