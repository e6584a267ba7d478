package io.sessiongrid.scaling.engine;

import com.hazelcast.cluster.Address;
import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.provision.ProvisionEvent;
import io.sessiongrid.provision.ProvisionedServer;
import io.sessiongrid.provision.ServerPhase;
import io.sessiongrid.provision.ServerProvisioner;
import io.sessiongrid.scaling.ServerState;
import io.sessiongrid.scaling.ServerView;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The fleet matches a provisioned server to its registered member by address when the provisioner's handle is not a
 * member UUID (Kubernetes: the pod name), whatever the address's bracket style; and it asks the provisioner which
 * servers it can retire now.
 */
class RegistryFleetIT {

    /** A provisioner that started one server, known only by a name and a {@code host:port} (as a pod is). */
    private static final class OnePod implements ServerProvisioner {
        final ProvisionedServer pod;

        OnePod(String address) {
            Instant now = Instant.now();
            pod = new ProvisionedServer("pod-0", "edge", ServerPhase.READY, now, Optional.of(now), Optional.of(address),
                    "pod-0", "");
        }

        @Override
        public String name() {
            return "one-pod";
        }

        @Override
        public List<ProvisionedServer> provision(int count, String role) {
            throw new UnsupportedOperationException("not in this test");
        }

        @Override
        public void retire(String serverId) {
        }

        @Override
        public boolean retirableNow(String serverId) {
            return false; // e.g. not the StatefulSet's highest ordinal
        }

        @Override
        public List<ProvisionedServer> servers() {
            return List.of(pod);
        }

        @Override
        public Optional<ProvisionedServer> server(String serverId) {
            return pod.id().equals(serverId) ? Optional.of(pod) : Optional.empty();
        }

        @Override
        public Optional<Duration> provisioningTime() {
            return Optional.empty();
        }

        @Override
        public void addListener(Consumer<ProvisionEvent> listener) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aPodKnownByItsAddressIsTheRegisteredMemberNotAnotherPendingServer() {
        String cluster = TestClusters.uniqueName(RegistryFleetIT.class);
        try (SessionGrid leader = SessionGrid.embedded(SessionGridConfigLoader.defaults(),
                TestClusters.memberConfig(cluster));
             SessionGrid pod = SessionGrid.embedded(SessionGridConfigLoader.defaults(),
                     TestClusters.memberConfig(cluster))) {
            Address a = pod.hazelcast().getCluster().getLocalMember().getAddress();
            String podId = pod.hazelcast().getCluster().getLocalMember().getUuid().toString();
            for (String address : List.of(a.getHost() + ":" + a.getPort(), a.toString())) { // podIP:port, [host]:port
                RegistryFleet fleet = new RegistryFleet(leader.servers(), new OnePod(address), leader.hazelcast(),
                        "edge", 1);
                List<ServerView> views = fleet.servers();
                assertEquals(2, views.size(), address + ": the two members, no phantom pending pod: " + views);
                assertFalse(views.stream().anyMatch(v -> v.state() == ServerState.PENDING), views::toString);
                ServerView podView = views.stream().filter(v -> v.id().equals(podId)).findFirst().orElseThrow();
                assertFalse(podView.retirable(), "the provisioner cannot retire it now, so the engine may not pick it");
            }
        }
    }
}
