package io.sessiongrid.provision.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.provision.ProvisionEvent;
import io.sessiongrid.provision.ProvisionedServer;
import io.sessiongrid.provision.ServerPhase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against fabric8's mock API server in CRUD mode. It runs no StatefulSet controller, so the test plays the
 * controller: it creates and deletes the pods that a real one would after a change of {@code spec.replicas}.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesProvisionerTest {
    private static final String NS = "grid";
    private static final String STS = "sg";

    KubernetesClient client;
    private KubernetesProvisioner provisioner;
    private final List<ProvisionEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        client.apps().statefulSets().inNamespace(NS).resource(new StatefulSetBuilder()
                .withNewMetadata().withName(STS).withNamespace(NS).endMetadata()
                .withNewSpec().withReplicas(1).withServiceName("sg-hazelcast")
                .withNewSelector().addToMatchLabels("app", STS).endSelector()
                .endSpec().build()).create();
        pod(0, true);
        provisioner = new KubernetesProvisioner(SessionGridConfigLoader.defaults(), client,
                new StatefulSetTarget(NS, STS, "edge", Duration.ofMillis(50), 5701), Clock.systemUTC());
        provisioner.addListener(events::add);
    }

    @AfterEach
    void tearDown() {
        provisioner.close();
    }

    @Test
    void scaleOutRaisesReplicasAndServersBecomeReadyWithTheirPods() {
        List<ProvisionedServer> started = provisioner.provision(2, "edge");
        assertEquals(List.of("sg-1", "sg-2"), started.stream().map(ProvisionedServer::id).toList());
        assertEquals(3, replicas(), "spec.replicas raised by 2");

        pod(1, false);
        pod(2, true);
        await().atMost(Duration.ofSeconds(10)).until(() -> phase("sg-2") == ServerPhase.READY);
        assertEquals(ServerPhase.STARTING, phase("sg-1"), "a pod that is not Ready is not a ready server");
        assertEquals("10.0.0.2:5701", provisioner.server("sg-2").orElseThrow().address().orElseThrow());
        assertTrue(provisioner.provisioningTime().isPresent());
    }

    @Test
    void retireLowersReplicasAndOnlyTheHighestOrdinalCanGo() {
        provisioner.provision(2, "edge");
        pod(1, true);
        pod(2, true);
        await().atMost(Duration.ofSeconds(10)).until(() -> phase("sg-1") == ServerPhase.READY
                && phase("sg-2") == ServerPhase.READY);

        assertEquals(false, provisioner.retirableNow("sg-1"), "the engine is told which one may go");
        assertEquals(true, provisioner.retirableNow("sg-2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> provisioner.retire("sg-1"));
        assertTrue(e.getMessage().contains("retire sg-2"), e.getMessage());

        provisioner.retire("sg-2");
        assertEquals(2, replicas());
        assertEquals(ServerPhase.STOPPING, phase("sg-2"));
        client.pods().inNamespace(NS).withName("sg-2").delete(); // the controller removes the pod
        await().atMost(Duration.ofSeconds(10)).until(() -> phase("sg-2") == ServerPhase.STOPPED);
        assertTrue(events.stream().anyMatch(ev -> ev instanceof ProvisionEvent.Stopped s && s.server().id().equals("sg-2")));
    }

    @Test
    void aPodThatVanishesWithoutARetireIsADeath() {
        provisioner.provision(1, "edge");
        pod(1, true);
        await().atMost(Duration.ofSeconds(10)).until(() -> phase("sg-1") == ServerPhase.READY);
        client.pods().inNamespace(NS).withName("sg-1").delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> phase("sg-1") == ServerPhase.FAILED);
        assertTrue(events.stream().anyMatch(ev -> ev instanceof ProvisionEvent.Died d && d.reason().contains("vanished")));
    }

    @Test
    void aRoleTheStatefulSetDoesNotRunIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provisioner.provision(1, "game-server"));
        assertTrue(e.getMessage().contains("runs role 'edge'"), e.getMessage());
        assertEquals(1, replicas(), "nothing changed");
    }

    private int replicas() {
        return client.apps().statefulSets().inNamespace(NS).withName(STS).get().getSpec().getReplicas();
    }

    private ServerPhase phase(String id) {
        return provisioner.server(id).orElseThrow().phase();
    }

    private void pod(int ordinal, boolean ready) {
        Pod pod = new PodBuilder().withNewMetadata().withName(STS + "-" + ordinal).withNamespace(NS)
                .withLabels(Map.of("app", STS)).endMetadata()
                .withNewStatus().withPhase("Running").withPodIP("10.0.0." + ordinal)
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .endStatus().build();
        client.pods().inNamespace(NS).resource(pod).create();
    }
}
