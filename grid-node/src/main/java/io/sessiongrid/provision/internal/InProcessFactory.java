package io.sessiongrid.provision.internal;

import io.sessiongrid.config.HazelcastConfigs;
import io.sessiongrid.provision.InProcessProvisioner;
import io.sessiongrid.provision.ProvisionerContext;
import io.sessiongrid.provision.ServerProvisioner;
import io.sessiongrid.provision.ServerProvisionerFactory;

import java.nio.file.Path;
import java.util.Set;

/** {@code in-process}; setting {@code hazelcast}: the member YAML of new servers (default: the shipped one). */
public final class InProcessFactory implements ServerProvisionerFactory {

    @Override
    public String name() {
        return InProcessProvisioner.NAME;
    }

    @Override
    public ServerProvisioner create(ProvisionerContext context) {
        context.allowOnly(name(), Set.of("hazelcast"));
        Path hazelcast = context.setting("hazelcast").map(Path::of).orElse(null);
        return new InProcessProvisioner(context.config(), () -> HazelcastConfigs.member(hazelcast), context.clock());
    }
}
