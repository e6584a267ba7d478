package io.sessiongrid.node.bench;

import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.migration.MoveRequest;
import io.sessiongrid.provision.LocalCommand;
import io.sessiongrid.provision.LocalProcessProvisioner;
import io.sessiongrid.provision.ProvisionedServer;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.workload.DailyShape;
import io.sessiongrid.workload.Workload;
import io.sessiongrid.workload.WorkloadDriver;
import io.sessiongrid.workload.WorkloadProcesses;
import io.sessiongrid.workload.WorkloadServer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code time_to_ready} of {@code bench scaling}: one data member in this JVM serves connections; the local-process
 * provisioner starts a real server JVM ({@code start --lite --role game-server} with the built-in workload); from the
 * provision request, the clock runs until that server's first write on a connection migrated to it, polled in the
 * sessions every 10 ms.
 */
final class TimeToReady {
    private static final int MOVED = 10;

    private TimeToReady() {
    }

    /** Seconds from the provision request to the first request served on the new server. */
    static double measure(SessionGridConfig config, boolean quick, PrintStream out) throws IOException, InterruptedException {
        String cluster = "sessiongrid-bench-ready-" + UUID.randomUUID().toString().substring(0, 8);
        Workload workload = new Workload(DailyShape.flat(Workload.ORIGIN), 10, 0.5, 64);
        Path dir = Files.createDirectories(Path.of("target", "bench", "scaling-" + cluster));
        Path yaml = Files.writeString(dir.resolve("member.yaml"), WorkloadProcesses.memberYaml(cluster));
        LocalCommand command = WorkloadProcesses.command(LocalCommand.sessiongrid(WorkloadProcesses.projectRoot(), Optional.empty(),
                Optional.of(yaml)).withStopTimeout(Duration.ofSeconds(60)), "builtin", Workload.DEFAULT_DAY, 10);
        try (SessionGrid data = ScalingBenchmark.start(cluster, config, workload, false);
             LocalProcessProvisioner provisioner = new LocalProcessProvisioner(config, command, Clock.systemUTC())) {
            List<String> connections = WorkloadDriver.open(data, "", "tr", MOVED * 2, List.of("auth", "game"));
            Set<String> known = data.servers().servers().stream().map(ServerInfo::id).collect(Collectors.toSet());
            out.println("  time_to_ready: provisioning a server JVM (local-process)");
            long t0 = System.nanoTime();
            ProvisionedServer requested = provisioner.provision(1, ScalingBenchmark.ROLE).get(0);
            String id = awaitServer(data, known, Duration.ofMinutes(quick ? 2 : 3));
            List<MoveRequest> moves = connections.subList(0, MOVED).stream().map(c -> new MoveRequest(c, id)).toList();
            data.migrations().migrateConnections(moves);
            String element = WorkloadServer.writeElement(id);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (int i = 0; i < MOVED; i++) {
                    String session = WorkloadDriver.sessionId("tr", i);
                    for (String type : List.of("auth", "game")) {
                        if (data.sessions().get(session, type).flatMap(p -> p.element(element)).isPresent()) {
                            double seconds = (System.nanoTime() - t0) / 1e9;
                            out.printf(Locale.ROOT, "  time_to_ready: %.1f s (server %s, %s)%n", seconds,
                                    requested.id(), id);
                            return seconds;
                        }
                    }
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("the new server " + id + " served none of the " + MOVED
                    + " connections migrated to it within 60 s");
        }
    }

    private static String awaitServer(SessionGrid data, Set<String> known, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ServerInfo> s = data.servers().servers().stream()
                    .filter(i -> !known.contains(i.id()) && i.ready()).findFirst();
            if (s.isPresent()) {
                return s.get().id();
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no new server registered ready within " + limit);
    }
}
