package io.sessiongrid.provision;

/**
 * Makes one kind of {@link ServerProvisioner}. Implementations are found with {@link java.util.ServiceLoader}
 * (list them in {@code META-INF/services/io.sessiongrid.provision.ServerProvisionerFactory}), so an optional
 * module such as {@code provision-kubernetes} adds its provisioner by being on the class path.
 */
public interface ServerProvisionerFactory {

    /** The name configuration uses, e.g. {@code kubernetes}. */
    String name();

    /** A new provisioner. */
    ServerProvisioner create(ProvisionerContext context);
}
