package io.sessiongrid.provision.internal;

import io.sessiongrid.config.internal.DurationFormat;
import io.sessiongrid.provision.LocalCommand;
import io.sessiongrid.provision.LocalProcessProvisioner;
import io.sessiongrid.provision.ProvisionerContext;
import io.sessiongrid.provision.ServerProvisioner;
import io.sessiongrid.provision.ServerProvisionerFactory;

import java.nio.file.Path;
import java.util.Set;

/**
 * {@code local-process}; settings: {@code root} (the project, default the working directory), {@code config}
 * and {@code hazelcast} (files passed to the servers), {@code stopTimeout} (e.g. {@code 2m}).
 */
public final class LocalProcessFactory implements ServerProvisionerFactory {

    @Override
    public String name() {
        return LocalProcessProvisioner.NAME;
    }

    @Override
    public ServerProvisioner create(ProvisionerContext context) {
        context.allowOnly(name(), Set.of("root", "config", "hazelcast", "stopTimeout"));
        LocalCommand command = LocalCommand.sessiongrid(Path.of(context.setting("root").orElse(".")),
                context.setting("config").map(Path::of), context.setting("hazelcast").map(Path::of));
        if (context.setting("stopTimeout").isPresent()) {
            command = command.withStopTimeout(DurationFormat.parse(context.setting("stopTimeout").get()));
        }
        return new LocalProcessProvisioner(context.config(), command, context.clock());
    }
}
