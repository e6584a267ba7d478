package io.sessiongrid.provision;

import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.node.member.GridMember;
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
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real server JVMs ({@code SessionGridCli start --lite --role edge}) join an in-test data member's cluster; one is
 * retired with SIGTERM, one is killed with SIGKILL and reported dead.
 */
class LocalProcessProvisionerIT {
    private static final SessionGridConfig CONFIG = SessionGridConfigLoader.defaults();
    private static final String CLUSTER = TestClusters.uniqueName(LocalProcessProvisionerIT.class);
    private static final List<ProvisionEvent> events = new CopyOnWriteArrayList<>();
    @TempDir
    static Path dir;
    private static GridMember data;
    private static LocalProcessProvisioner provisioner;

    @BeforeAll
    static void start() throws IOException {
        data = GridMember.start(CONFIG, TestClusters.memberConfig(CLUSTER), false, null);
        Path yaml = Files.writeString(dir.resolve("member.yaml"), ServerProcessFixtures.memberYaml(CLUSTER));
        provisioner = new LocalProcessProvisioner(CONFIG, ServerProcessFixtures.command(yaml), Clock.systemUTC());
        provisioner.addListener(events::add);
    }

    @AfterAll
    static void stop() {
        if (provisioner != null) {
            provisioner.close();
        }
        if (data != null) {
            data.shutdown();
        }
    }

    @Test
    void aServerJvmJoinsAndStopsOnSigterm() {
        ProvisionedServer s = provisioner.provision(1, "edge").get(0);
        await().atMost(Duration.ofMinutes(2)).until(() -> phase(s) == ServerPhase.READY);
        String address = provisioner.server(s.id()).orElseThrow().address().orElseThrow();
        assertTrue(data.hazelcast().getCluster().getMembers().stream()
                .anyMatch(m -> m.getAddress().toString().equals(address) && m.isLiteMember()),
                "the server's member " + address + " is in the cluster as a lite member");
        assertTrue(provisioner.provisioningTime().orElseThrow().compareTo(Duration.ZERO) > 0);

        provisioner.retire(s.id());
        await().atMost(Duration.ofMinutes(1)).until(() -> phase(s) == ServerPhase.STOPPED);
        await().atMost(Duration.ofSeconds(30)).until(() -> data.hazelcast().getCluster().getMembers().stream()
                .noneMatch(m -> m.getAddress().toString().equals(address)));
        assertTrue(events.stream().anyMatch(e -> e instanceof ProvisionEvent.Stopped st && st.server().id().equals(s.id())));
    }

    @Test
    void aKilledServerJvmIsReportedDead() {
        ProvisionedServer s = provisioner.provision(1, "edge").get(0);
        await().atMost(Duration.ofMinutes(2)).until(() -> phase(s) == ServerPhase.READY);
        long pid = Long.parseLong(provisioner.server(s.id()).orElseThrow().handle());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL: no shutdown hook runs
        await().atMost(Duration.ofSeconds(30)).until(() -> phase(s) == ServerPhase.FAILED);
        ProvisionEvent.Died died = events.stream().filter(e -> e instanceof ProvisionEvent.Died d
                && d.server().id().equals(s.id())).map(ProvisionEvent.Died.class::cast).findFirst().orElseThrow();
        assertTrue(died.reason().contains("exited with code 137"), died.reason());
    }

    private static ServerPhase phase(ProvisionedServer s) {
        return provisioner.server(s.id()).orElseThrow().phase();
    }
}
