package io.sessiongrid.workload;

import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.migration.MoveOutcome;
import io.sessiongrid.migration.MoveRequest;
import io.sessiongrid.migration.MoveResult;
import io.sessiongrid.provision.LocalCommand;
import io.sessiongrid.provision.LocalProcessProvisioner;
import io.sessiongrid.provision.ServerPhase;
import io.sessiongrid.provision.ServerProcessFixtures;
import io.sessiongrid.runtime.NodeOptions;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.servers.ServerKind;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two real server JVMs ({@code start --lite --role game-server} with the built-in workload, started by the
 * local-process provisioner as the launcher would run them) beside an in-test data member that holds the data and
 * plays the driver: it opens connections on server A, whose workload serves them (its writes appear in the
 * sessions); one connection migrates to B and B serves it while A stops; then the rest move to B in one batch and
 * B serves them all; every session reads back intact.
 */
class WorkloadServerIT {
    private static final SessionGridConfig CONFIG = SessionGridConfigLoader.defaults();
    private static final String CLUSTER = TestClusters.uniqueName(WorkloadServerIT.class);
    private static final List<String> TYPES = List.of("auth", "game"); // game-server's role
    private static final int CONNECTIONS = 12;
    private static final String PREFIX = "wit";
    @TempDir
    static Path dir;
    private static SessionGrid driver;
    private static LocalProcessProvisioner provisioner;

    @BeforeAll
    static void start() throws IOException {
        driver = SessionGrid.start(NodeOptions.builder().config(CONFIG).member(TestClusters.memberConfig(CLUSTER))
                .shutdownHook(false).build());
        Path yaml = Files.writeString(dir.resolve("member.yaml"), ServerProcessFixtures.memberYaml(CLUSTER));
        LocalCommand base = ServerProcessFixtures.command(yaml);
        // A fast rate so that a few seconds show many writes whatever the day's phase (trough: 0.15 x 40/s).
        provisioner = new LocalProcessProvisioner(CONFIG,
                WorkloadProcesses.command(base, "builtin", Duration.ofMinutes(2), 40), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (provisioner != null) {
            provisioner.close();
        }
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void connectionsAreServedWhereTheyAreOwnedAndFollowTheirMoves() {
        provisioner.provision(2, "game-server");
        await().atMost(Duration.ofMinutes(3)).until(() -> provisioner.servers().stream()
                .filter(s -> s.phase() == ServerPhase.READY).count() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> liteServers().size() == 2);
        String a = liteServers().get(0).id();
        String b = liteServers().get(1).id();

        List<String> connections = WorkloadDriver.open(driver, a, PREFIX, CONNECTIONS, TYPES);
        String s0 = WorkloadDriver.sessionId(PREFIX, 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> writes(s0, a) >= 3);
        assertEquals(0, writes(s0, b), "B does not serve what it does not own");

        MoveResult move = driver.migrations().migrateConnection(connections.get(0), b);
        assertEquals(MoveOutcome.COMPLETED, move.outcome(), String.valueOf(move));
        await().atMost(Duration.ofSeconds(30)).until(() -> writes(s0, b) >= 3);
        long byA = writes(s0, a);
        long byB = writes(s0, b);
        await().atMost(Duration.ofSeconds(30)).until(() -> writes(s0, b) >= byB + 3);
        assertEquals(byA, writes(s0, a), "A stopped serving the connection that moved away");
        assertEquals(b, driver.servers().connection(connections.get(0)).orElseThrow().server());

        // The rest in one batch (not a drain: the driver's own node is a server too, and a drain could pick it)
        List<MoveResult> batch = driver.migrations().migrateConnections(connections.subList(1, CONNECTIONS).stream()
                .map(c -> new MoveRequest(c, b)).toList());
        assertTrue(batch.stream().allMatch(r -> r.outcome() == MoveOutcome.COMPLETED), String.valueOf(batch));
        String last = WorkloadDriver.sessionId(PREFIX, CONNECTIONS - 1);
        long before = writes(last, b);
        await().atMost(Duration.ofSeconds(30)).until(() -> writes(last, b) >= before + 3);
        // on a timeout Awaitility shows the last list: each unserved session with its owner and elements
        await().atMost(Duration.ofSeconds(30)).until(() -> unservedBy(b), List::isEmpty);
        assertTrue(driver.servers().connections(a).isEmpty(), "A owns nothing after the moves");
        assertEquals(CONNECTIONS, WorkloadDriver.verify(driver.sessions(), PREFIX, CONNECTIONS, TYPES),
                "every session still holds what it was created with");
    }

    /** Sessions {@code server} has not written to yet, with each one's owner and write counts. */
    private static List<String> unservedBy(String server) {
        List<String> unserved = new java.util.ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            String session = WorkloadDriver.sessionId(PREFIX, i);
            if (writes(session, server) == 0) {
                unserved.add(session + " owner " + driver.servers().connection(WorkloadDriver.connectionId(PREFIX, i))
                        .map(c -> c.server() + "/" + c.phase()).orElse("none") + " partitions "
                        + TYPES.stream().map(t -> driver.sessions().get(session, t).map(p -> p.elements().keySet())
                        .orElse(java.util.Set.of())).toList());
            }
        }
        return unserved;
    }

    private static List<ServerInfo> liteServers() {
        return driver.servers().servers().stream()
                .filter(s -> s.kind() == ServerKind.LITE_MEMBER && s.ready()).toList();
    }

    /** How many writes server {@code serverId}'s workload made on the session (its write counter, over both types). */
    private static long writes(String session, String serverId) {
        long most = 0;
        for (String type : TYPES) {
            most = Math.max(most, driver.sessions().get(session, type)
                    .flatMap(p -> p.element(WorkloadServer.writeElement(serverId)))
                    .map(v -> Long.parseLong(v.substring(0, v.indexOf(':')))).orElse(0L));
        }
        return most;
    }
}
