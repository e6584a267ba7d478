package io.sessiongrid.scaling.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.migration.MoveOutcome;
import io.sessiongrid.migration.MoveRequest;
import io.sessiongrid.migration.MoveResult;
import io.sessiongrid.provision.LocalProcessProvisioner;
import io.sessiongrid.provision.ProvisionedServer;
import io.sessiongrid.provision.ServerPhase;
import io.sessiongrid.provision.ServerProcessFixtures;
import io.sessiongrid.runtime.NodeOptions;
import io.sessiongrid.servers.ConnectionOwnership;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.servers.ServerKind;
import io.sessiongrid.servers.ServerRegistry;
import io.sessiongrid.testkit.TestClusters;
import io.sessiongrid.workload.WorkloadDriver;
import io.sessiongrid.workload.WorkloadProcesses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of a real server JVM in the middle of a batch migration. One data member in this JVM runs the
 * scaling engine with the local-process provisioner and {@code minMembers: 2}, so the engine itself starts one server
 * JVM ({@code start --lite --role game-server} with the built-in workload); the member also plays the application's
 * driver. Group A's connections are put on the process server; a batch then moves group B onto it, and the JVM is
 * SIGKILLed as soon as the batch has flipped its first connection. Afterwards every session reads back intact, no
 * connection is orphaned or owned by a server that is gone (the engine re-homed the dead server's connections:
 * its counter says so), and the engine started a replacement server to get back to {@code minMembers}.
 */
class LocalProcessFaultIT {
    private static final Logger LOG = LoggerFactory.getLogger(LocalProcessFaultIT.class);
    private static final String CLUSTER = TestClusters.uniqueName(LocalProcessFaultIT.class);
    private static final String ROLE = "game-server";
    private static final List<String> TYPES = List.of("auth", "game"); // game-server's role
    private static final int GROUP = 150;
    private static final SessionGridConfig CONFIG = SessionGridConfigLoader.parse("LocalProcessFaultIT",
            "scaling: { minMembers: 2, maxMembers: 3, decisionInterval: 1s, promotion: never, serverRole: " + ROLE
                    + " }\n");
    @TempDir
    static Path dir;
    private static LocalProcessProvisioner provisioner;
    private static SessionGrid member;

    @BeforeAll
    static void start() throws IOException {
        Path yaml = Files.writeString(dir.resolve("member.yaml"), ServerProcessFixtures.memberYaml(CLUSTER));
        // 1 request/s per connection at the day's peak: real serving, light on two shared cores
        provisioner = new LocalProcessProvisioner(CONFIG, WorkloadProcesses.command(ServerProcessFixtures.command(yaml),
                "builtin", Duration.ofMinutes(2), 1), Clock.systemUTC());
        member = SessionGrid.start(NodeOptions.builder().config(CONFIG).member(TestClusters.memberConfig(CLUSTER))
                .component(new ScalingEngineComponent(provisioner, ROLE)).shutdownHook(false).build());
    }

    @AfterAll
    static void stop() {
        if (member != null) {
            member.close(); // closes the engine's provisioner: SIGTERM to the servers it started
        }
    }

    @Test
    void aServerJvmKilledMidMigrationLosesNoSessionAndLeavesNoConnectionWithoutAnOwner() {
        ServerRegistry registry = member.servers();
        String victim = awaitProcessServer(null);
        await().atMost(Duration.ofSeconds(30)).until(() -> live(ServerPhase.READY).isPresent()); // its "up" line
        long pid = Long.parseLong(live(ServerPhase.READY).orElseThrow().handle());

        List<String> a = WorkloadDriver.open(member, "", "ka", GROUP, TYPES);
        List<MoveResult> onto = member.migrations().migrateConnections(moves(a, victim));
        assertTrue(onto.stream().allMatch(r -> r.outcome() == MoveOutcome.COMPLETED), String.valueOf(onto));
        List<String> b = WorkloadDriver.open(member, "", "kb", GROUP, TYPES);

        CompletableFuture<List<MoveResult>> batch = CompletableFuture.supplyAsync(
                () -> member.migrations().migrateConnections(moves(b, victim)));
        // The batch has flipped a connection of B onto the victim: it owns more than group A.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> batch.isDone() || registry.connections(victim).size() > GROUP);
        boolean midBatch = !batch.isDone();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye
        LOG.info("killed server {} (pid {}) {}", victim, pid, midBatch ? "while the batch ran" : "after the batch");
        await().atMost(Duration.ofMinutes(1)).until(batch::isDone);

        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        // on a timeout Awaitility shows the last list: each connection without a live owner, and why
        await().atMost(Duration.ofMinutes(2)).until(() -> withoutLiveOwner(registry, all), List::isEmpty);
        assertTrue(registry.orphans().isEmpty(), "no orphan left");
        assertEquals(GROUP, WorkloadDriver.verify(member.sessions(), "ka", GROUP, TYPES), "group A intact");
        assertEquals(GROUP, WorkloadDriver.verify(member.sessions(), "kb", GROUP, TYPES), "group B intact");

        MeterRegistry meters = member.node().metrics().orElseThrow().registry();
        assertTrue(meters.get(ScalingEngineComponent.ORPHANS_ADOPTED).counter().count() >= GROUP,
                "the engine re-homed at least group A, which the victim owned when it died");

        String replacement = awaitProcessServer(victim);
        assertTrue(!replacement.equals(victim));
        await().atMost(Duration.ofSeconds(30)).until(() -> member.hazelcast().getCluster().getMembers().size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> provisioner.servers().stream()
                .map(ProvisionedServer::phase).toList(), List.of(ServerPhase.READY)::equals); // the replacement alone
    }

    /** Connections whose entry is missing or orphaned, or whose owner is not a registered ready server. */
    private static List<String> withoutLiveOwner(ServerRegistry registry, List<String> connections) {
        List<String> bad = new ArrayList<>();
        for (String c : connections) {
            Optional<ConnectionOwnership> o = registry.connection(c);
            if (o.isEmpty()) {
                bad.add(c + ": no entry");
            } else if (o.get().phase() == ConnectionOwnership.Phase.ORPHANED
                    || registry.server(o.get().server()).filter(ServerInfo::ready).isEmpty()) {
                bad.add(c + ": " + o.get().phase() + " by " + o.get().server());
            }
        }
        return bad;
    }

    /** Waits for a ready lite server (a process the engine started) other than {@code not}; returns its id. */
    private static String awaitProcessServer(String not) {
        await().atMost(Duration.ofMinutes(3)).until(() -> processServer(not).isPresent());
        return processServer(not).orElseThrow();
    }

    private static Optional<String> processServer(String not) {
        return member.servers().servers().stream()
                .filter(s -> s.kind() == ServerKind.LITE_MEMBER && s.ready() && !s.id().equals(not))
                .map(ServerInfo::id).findFirst();
    }

    private static Optional<ProvisionedServer> live(ServerPhase phase) {
        return provisioner.servers().stream().filter(s -> s.phase() == phase).findFirst();
    }

    private static List<MoveRequest> moves(List<String> connections, String target) {
        return connections.stream().map(c -> new MoveRequest(c, target)).toList();
    }
}
