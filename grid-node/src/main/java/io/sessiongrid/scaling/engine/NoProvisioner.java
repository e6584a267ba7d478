package io.sessiongrid.scaling.engine;

import io.sessiongrid.config.ScalingConfig;
import io.sessiongrid.provision.ProvisionEvent;
import io.sessiongrid.provision.ProvisionedServer;
import io.sessiongrid.provision.ServerProvisioner;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code scaling.provisioner: none}: it has started no servers and starts none. The engine runs in record-only mode
 * with it ({@link ScalingEngine#recordOnly}), so {@link #provision} and {@link #retire} are never called.
 */
final class NoProvisioner implements ServerProvisioner {

    @Override
    public String name() {
        return ScalingConfig.NO_PROVISIONER;
    }

    @Override
    public List<ProvisionedServer> provision(int count, String role) {
        throw new IllegalStateException("scaling.provisioner is none: no servers are started");
    }

    @Override
    public void retire(String serverId) {
        throw new IllegalArgumentException("scaling.provisioner is none: it started no server " + serverId);
    }

    @Override
    public List<ProvisionedServer> servers() {
        return List.of();
    }

    @Override
    public Optional<ProvisionedServer> server(String serverId) {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> provisioningTime() {
        return Optional.empty();
    }

    @Override
    public void addListener(Consumer<ProvisionEvent> listener) {
        // nothing ever happens
    }

    @Override
    public void close() {
        // nothing to release
    }
}
