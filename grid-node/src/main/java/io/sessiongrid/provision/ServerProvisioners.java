package io.sessiongrid.provision;

import java.util.List;
import java.util.ServiceLoader;

/** The provisioners on the class path, by name. */
public final class ServerProvisioners {

    private ServerProvisioners() {
    }

    /** The names of every provisioner found, sorted. */
    public static List<String> names() {
        return factories().stream().map(ServerProvisionerFactory::name).sorted().toList();
    }

    /**
     * A new provisioner of the kind called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones) or bad settings
     */
    public static ServerProvisioner create(String name, ProvisionerContext context) {
        return factories().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown provisioner '" + name + "'; found: "
                        + names() + " (kubernetes needs the provision-kubernetes module on the class path)"))
                .create(context);
    }

    private static List<ServerProvisionerFactory> factories() {
        return ServiceLoader.load(ServerProvisionerFactory.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
