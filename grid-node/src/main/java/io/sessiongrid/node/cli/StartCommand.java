package io.sessiongrid.node.cli;

import com.hazelcast.config.Config;
import com.hazelcast.spi.properties.ClusterProperty;
import com.hazelcast.spi.properties.HazelcastProperties;
import io.sessiongrid.config.HazelcastConfigs;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.node.member.GridMember;
import io.sessiongrid.runtime.internal.GracefulStop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code start}: one grid member in the foreground until it is stopped. SIGTERM or Ctrl-C stop it gracefully
 * (replicas handed over, exit 0); a second signal, or a stop longer than the graceful-shutdown wait, ends it at
 * once.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start a grid member from YAML and run until stopped (SIGTERM/Ctrl-C: graceful stop, exit 0).")
final class StartCommand implements Callable<Integer> {
    /** Beyond Hazelcast's own wait for replicas: time for the components to close and the instance to go. */
    private static final Duration STOP_MARGIN = Duration.ofSeconds(30);

    @Option(names = "--config", paramLabel = "FILE", description = "sessiongrid.yaml (default: the shipped defaults)")
    Path config;

    @Option(names = "--hazelcast", paramLabel = "FILE", description = "Hazelcast member YAML (default: loopback, cluster 'sessiongrid', port 5701+)")
    Path hazelcast;

    @Option(names = "--lite", description = "Join as a lite member (owns no data).")
    boolean lite;

    @Option(names = "--role", paramLabel = "ROLE", description = "Server role, one of the config's roles.")
    String role;

    @Option(names = "--shutdown-timeout", paramLabel = "SECONDS",
            description = "How long a graceful stop may wait for backups to be handed over "
                    + "(default: hazelcast.graceful.shutdown.max.wait, 600).")
    Long shutdownTimeoutSeconds;

    // The default comes from -Dsessiongrid.workload so that a provisioner's server command (JVM flags, then
    // "start --lite --role R") can carry it.
    @Option(names = "--workload", paramLabel = "builtin|FILE", defaultValue = "${sys:sessiongrid.workload}",
            description = "Run the built-in synthetic application on this server: serve the connections it owns "
                    + "at the rate of the built-in daily shape ('builtin') or of a timestamp,value trace CSV.")
    String workload;

    @Option(names = "--workload-day", paramLabel = "DURATION", defaultValue = "${sys:sessiongrid.workload.day:-2m}",
            description = "How long one day of the workload's shape lasts (time compression; default ${DEFAULT-VALUE}).")
    String workloadDay;

    @Option(names = "--workload-rate", paramLabel = "RPS", defaultValue = "${sys:sessiongrid.workload.rate:-4}",
            description = "Requests per second of one connection at the workload's peak (default ${DEFAULT-VALUE}).")
    double workloadRate;

    @Option(names = "--workload-origin", paramLabel = "EPOCH_MS", defaultValue = "${sys:sessiongrid.workload.origin:-0}",
            description = "When the workload's day 0 starts, in epoch milliseconds (default ${DEFAULT-VALUE}: days "
                    + "counted from the epoch, so servers started at different times share the phase).")
    long workloadOrigin;

    // Set by a provisioner's server command (JVM flags) like the workload options above.
    @Option(names = "--exit-with", paramLabel = "PID", defaultValue = "${sys:sessiongrid.exitWith:-0}",
            description = "Stop gracefully when process PID ends (the demo ties the servers it starts to itself).")
    long exitWithPid;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "0",
            description = "With --workload: create N sessions and open their connections on this server (a driver "
                    + "for trying it alone; tests and the demo open connections themselves).")
    int connections;

    @Override
    public Integer call() throws InterruptedException {
        SessionGridConfig sg = config == null ? SessionGridConfigLoader.defaults() : SessionGridConfigLoader.load(config);
        Config member = HazelcastConfigs.member(hazelcast);
        WorkloadOptions app = WorkloadOptions.of(workload, workloadDay, workloadRate, workloadOrigin, connections);
        GridMember grid = GridMember.start(sg, member, lite, role,
                shutdownTimeoutSeconds == null ? null : Duration.ofSeconds(shutdownTimeoutSeconds), app.components());
        String address = grid.address();
        Duration wait = Duration.ofSeconds(new HazelcastProperties(member).getSeconds(ClusterProperty.GRACEFUL_SHUTDOWN_MAX_WAIT));
        GracefulStop stop = GracefulStop.install(grid.node(), wait.plus(STOP_MARGIN),
                line -> System.out.println("SessionGrid member " + address + ": " + line));
        if (exitWithPid > 0) {
            // Tied to the process that started it (the demo): when that one ends, even by kill -9, so does this.
            ProcessHandle.of(exitWithPid).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> stop.stop("process " + exitWithPid + " ended")),
                    () -> stop.stop("process " + exitWithPid + " is not running"));
        }
        System.out.println("SessionGrid member " + address + " up in cluster '" + member.getClusterName()
                + "' (" + grid.describe() + "); Ctrl-C or SIGTERM to stop");
        app.openConnections(grid.node(), System.out);
        grid.awaitShutdown();
        return 0; // a forced end (second signal, timeout) exits from GracefulStop with its own code
    }
}
