package io.sessiongrid.provision.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.fabric8.kubernetes.client.readiness.Readiness;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.provision.ProvisionException;
import io.sessiongrid.provision.ProvisionedServer;
import io.sessiongrid.provision.ServerPhase;
import io.sessiongrid.provision.internal.BookedProvisioner;
import io.sessiongrid.provision.internal.Requests;
import io.sessiongrid.provision.internal.ServerBook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Servers as the pods of a StatefulSet: {@link #provision} raises {@code spec.replicas}, {@link #retire} lowers it.
 * A StatefulSet always removes its highest ordinal first, so only the newest live server can be retired; the
 * engine drains that one (asking for another is refused with a message naming it).
 *
 * <p>Replicas are changed by editing {@code spec.replicas} of the StatefulSet (a PATCH), not through the
 * {@code /scale} subresource, so the same call works against every API server and its mock. A server
 * is ready when its pod's {@code Ready} condition is true (the manifest's readiness probe passes once the member
 * has joined); a ready server whose pod vanishes or fails without a retire is reported dead; a retired one is
 * stopped once its pod is gone (Kubernetes sends SIGTERM; the pod's grace period bounds the graceful shutdown).
 */
public final class KubernetesProvisioner extends BookedProvisioner {

    public static final String NAME = "kubernetes";

    private final SessionGridConfig config;
    private final KubernetesClient client;
    private final StatefulSetTarget target;
    private final ScheduledExecutorService poller;
    private final boolean closeClient;

    /** A provisioner over {@code client}, which stays the caller's to close. */
    public KubernetesProvisioner(SessionGridConfig config, KubernetesClient client, StatefulSetTarget target,
                                 Clock clock) {
        this(config, client, target, clock, false);
    }

    /** @param closeClient whether {@link #close()} closes {@code client} too (the factory's own client) */
    KubernetesProvisioner(SessionGridConfig config, KubernetesClient client, StatefulSetTarget target, Clock clock,
                          boolean closeClient) {
        super(new ServerBook(clock, target.name() + "-"));
        this.closeClient = closeClient;
        this.config = config;
        this.client = client;
        this.target = target;
        Requests.check(config, 1, target.role());
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sessiongrid-kubernetes-provisioner");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, 0, target.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized List<ProvisionedServer> provision(int count, String role) {
        Requests.check(config, count, role);
        if (!role.equals(target.role())) {
            throw new IllegalArgumentException("StatefulSet " + target.name() + " runs role '" + target.role()
                    + "', not '" + role + "'");
        }
        int before = replicas();
        setReplicas(before + count);
        List<ProvisionedServer> started = new ArrayList<>();
        for (int ordinal = before; ordinal < before + count; ordinal++) {
            started.add(book.addNamed(podName(ordinal), role, podName(ordinal)));
        }
        return started;
    }

    /**
     * A StatefulSet removes its highest ordinal first: only that live pod may be retired (the engine then picks it,
     * not the least loaded one, and drains it first).
     */
    @Override
    public synchronized boolean retirableNow(String serverId) {
        return serverId.equals(podName(replicas() - 1));
    }

    @Override
    public synchronized void retire(String serverId) {
        ProvisionedServer s = book.require(serverId);
        if (s.phase() == ServerPhase.STOPPING || s.phase().terminal()) {
            return;
        }
        int replicas = replicas();
        String highest = podName(replicas - 1);
        if (!serverId.equals(highest)) {
            throw new IllegalArgumentException("a StatefulSet removes its highest ordinal first: retire " + highest
                    + " (of " + replicas + " replicas), not " + serverId);
        }
        book.stopping(serverId);
        setReplicas(replicas - 1);
    }

    /** Reads the pods once: readiness of starting servers, ends of stopping ones, deaths of the others. */
    void poll() {
        Map<String, Pod> pods;
        try {
            pods = client.pods().inNamespace(target.namespace()).list().getItems().stream()
                    .filter(p -> p.getMetadata().getName().startsWith(target.name() + "-"))
                    .collect(Collectors.toMap(p -> p.getMetadata().getName(), Function.identity(), (a, b) -> a));
        } catch (RuntimeException e) {
            // the API server is unreachable for now (or answered something unexpected): try again at the next
            // poll; an exception escaping here would end the poller's schedule for good
            return;
        }
        for (ProvisionedServer s : book.live()) {
            Pod pod = pods.get(s.id());
            boolean failed = pod != null && "Failed".equals(pod.getStatus() == null ? null : pod.getStatus().getPhase());
            switch (s.phase()) {
                case STARTING -> {
                    if (pod != null && Readiness.isPodReady(pod)) {
                        book.ready(s.id(), pod.getStatus().getPodIP() + ":" + target.port());
                    } else if (failed) {
                        book.gone(s.id(), "pod " + s.id() + " failed while starting");
                    }
                }
                case READY -> {
                    if (pod == null || failed) {
                        book.gone(s.id(), "pod " + s.id() + (pod == null ? " vanished" : " failed")
                                + " without a retire");
                    }
                }
                case STOPPING -> {
                    if (pod == null) {
                        book.gone(s.id(), "");
                    }
                }
                default -> {
                }
            }
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        if (closeClient) {
            client.close();
        }
    }

    private RollableScalableResource<StatefulSet> statefulSet() {
        return client.apps().statefulSets().inNamespace(target.namespace()).withName(target.name());
    }

    private int replicas() {
        StatefulSet s;
        try {
            s = statefulSet().get();
        } catch (KubernetesClientException e) {
            throw new ProvisionException("cannot read StatefulSet " + target.namespace() + "/" + target.name() + ": "
                    + e.getMessage(), e);
        }
        if (s == null) {
            throw new ProvisionException("StatefulSet " + target.namespace() + "/" + target.name() + " not found; "
                    + "apply deploy/kubernetes/ first");
        }
        Integer r = s.getSpec().getReplicas();
        return r == null ? 1 : r;
    }

    private void setReplicas(int replicas) {
        try {
            statefulSet().edit(s -> new StatefulSetBuilder(s).editSpec().withReplicas(replicas).endSpec().build());
        } catch (KubernetesClientException e) {
            throw new ProvisionException("cannot set " + target.namespace() + "/" + target.name() + " to " + replicas
                    + " replicas: " + e.getMessage(), e);
        }
    }

    private String podName(int ordinal) {
        return target.name() + "-" + ordinal;
    }
}
