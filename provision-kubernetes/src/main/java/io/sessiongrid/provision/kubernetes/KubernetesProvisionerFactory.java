package io.sessiongrid.provision.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.sessiongrid.config.internal.DurationFormat;
import io.sessiongrid.provision.ProvisionerContext;
import io.sessiongrid.provision.ServerProvisioner;
import io.sessiongrid.provision.ServerProvisionerFactory;

import java.util.Set;

/**
 * {@code kubernetes}; settings: {@code namespace} (default: the client's, e.g. the pod's own), {@code statefulSet}
 * (default {@code sessiongrid-server}), {@code role} (default: the first configured role), {@code pollInterval}
 * (default 2s), {@code port} (default 5701). The client is configured the fabric8 way: in-cluster service account,
 * or {@code ~/.kube/config}.
 */
public final class KubernetesProvisionerFactory implements ServerProvisionerFactory {

    @Override
    public String name() {
        return KubernetesProvisioner.NAME;
    }

    @Override
    public ServerProvisioner create(ProvisionerContext context) {
        context.allowOnly(name(), Set.of("namespace", "statefulSet", "role", "pollInterval", "port"));
        var client = new KubernetesClientBuilder().build();
        String namespace = context.setting("namespace").orElse(client.getNamespace() == null ? "default"
                : client.getNamespace());
        StatefulSetTarget target = new StatefulSetTarget(namespace,
                context.setting("statefulSet").orElse("sessiongrid-server"),
                context.setting("role").orElse(context.config().roles().keySet().iterator().next()),
                context.setting("pollInterval").map(DurationFormat::parse).orElse(StatefulSetTarget.DEFAULT_POLL),
                context.setting("port").map(Integer::parseInt).orElse(StatefulSetTarget.DEFAULT_PORT));
        return new KubernetesProvisioner(context.config(), client, target, context.clock(), true);
    }
}
