package io.sessiongrid.provision;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.node.member.GridMember;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In-process servers join a real cluster as lite members, retire gracefully (also when retired while starting), and a
 * dead one is noticed.
 */
class InProcessProvisionerIT {
    private static final SessionGridConfig CONFIG = SessionGridConfigLoader.defaults();
    private static final String CLUSTER = TestClusters.uniqueName(InProcessProvisionerIT.class);
    private static GridMember data;
    private static InProcessProvisioner provisioner;
    private static final List<ProvisionEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        data = GridMember.start(CONFIG, TestClusters.memberConfig(CLUSTER), false, null);
        provisioner = new InProcessProvisioner(CONFIG, () -> TestClusters.memberConfig(CLUSTER), Clock.systemUTC());
        provisioner.addListener(events::add);
    }

    @AfterAll
    static void stop() {
        provisioner.close();
        data.shutdown();
    }

    @Test
    void aServerJoinsAsALiteMemberAndRetiresGracefully() {
        ProvisionedServer s = provisioner.provision(1, "edge").get(0);
        assertEquals(ServerPhase.STARTING, s.phase());
        await().atMost(Duration.ofMinutes(1)).until(() -> phase(s) == ServerPhase.READY);
        ProvisionedServer ready = provisioner.server(s.id()).orElseThrow();
        Member member = memberAt(ready.address().orElseThrow());
        assertTrue(member.isLiteMember(), "new capacity joins as a lite member");
        assertEquals("edge", member.getAttribute("sessiongrid.role"));
        assertTrue(provisioner.provisioningTime().isPresent());
        assertTrue(events.stream().anyMatch(e -> e instanceof ProvisionEvent.Ready r && r.server().id().equals(s.id())));

        provisioner.retire(s.id());
        await().atMost(Duration.ofMinutes(1)).until(() -> phase(s) == ServerPhase.STOPPED);
        await().atMost(Duration.ofSeconds(30)).until(() -> data.hazelcast().getCluster().getMembers().stream()
                .noneMatch(m -> m.getAddress().toString().equals(ready.address().orElseThrow())));
        assertTrue(events.stream().anyMatch(e -> e instanceof ProvisionEvent.Stopped st && st.server().id().equals(s.id())));
        assertTrue(provisioner.servers().stream().noneMatch(x -> x.id().equals(s.id())), "a stopped server is gone");
    }

    @Test
    void aServerThatDiesIsReported() {
        ProvisionedServer s = provisioner.provision(1, "edge").get(0);
        await().atMost(Duration.ofMinutes(1)).until(() -> phase(s) == ServerPhase.READY);
        String uuid = provisioner.server(s.id()).orElseThrow().handle();
        HazelcastInstance instance = Hazelcast.getAllHazelcastInstances().stream()
                .filter(h -> h.getLocalEndpoint().getUuid().toString().equals(uuid)).findFirst().orElseThrow();
        instance.getLifecycleService().terminate();
        await().atMost(Duration.ofSeconds(30)).until(() -> phase(s) == ServerPhase.FAILED);
        assertTrue(events.stream().anyMatch(e -> e instanceof ProvisionEvent.Died d && d.server().id().equals(s.id())));
    }

    @Test
    void aServerRetiredWhileItStartsStopsOnceStarted() {
        Set<UUID> joined = ConcurrentHashMap.newKeySet();
        Set<UUID> left = ConcurrentHashMap.newKeySet();
        UUID listener = data.hazelcast().getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                joined.add(e.getMember().getUuid());
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                left.add(e.getMember().getUuid());
            }
        });
        try {
            ProvisionedServer s = provisioner.provision(1, "edge").get(0);
            provisioner.retire(s.id()); // at once: its member is still starting, there is nothing to stop yet
            assertEquals(ServerPhase.STOPPED, phase(s));
            // The member that was starting joins, then leaves by itself: none stays behind as an untracked server.
            await().atMost(Duration.ofMinutes(1)).until(() -> !joined.isEmpty() && left.containsAll(joined));
            assertEquals(ServerPhase.STOPPED, phase(s));
        } finally {
            data.hazelcast().getCluster().removeMembershipListener(listener);
        }
    }

    @Test
    void badRequestsAreRefused() {
        IllegalArgumentException role = assertThrows(IllegalArgumentException.class,
                () -> provisioner.provision(1, "no-such-role"));
        assertTrue(role.getMessage().contains("configured roles"), role.getMessage());
        assertThrows(IllegalArgumentException.class, () -> provisioner.provision(0, "edge"));
        assertThrows(IllegalArgumentException.class, () -> provisioner.retire("in-process-999"));
    }

    private static ServerPhase phase(ProvisionedServer s) {
        return provisioner.server(s.id()).orElseThrow().phase();
    }

    private static Member memberAt(String address) {
        return data.hazelcast().getCluster().getMembers().stream()
                .filter(m -> m.getAddress().toString().equals(address)).findFirst().orElseThrow();
    }
}
