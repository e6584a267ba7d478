/**
 * Server provisioners: how the scaling engine gets and gives back servers. One SPI,
 * {@link io.sessiongrid.provision.ServerProvisioner}, found by name through
 * {@link io.sessiongrid.provision.ServerProvisioners} ({@link java.util.ServiceLoader} of
 * {@link io.sessiongrid.provision.ServerProvisionerFactory}):
 * <ul>
 *   <li>{@code in-process}: lite members in this JVM (tests);</li>
 *   <li>{@code local-process}: real server JVMs on this host, {@code ./sessiongrid start --lite --role R};</li>
 *   <li>{@code kubernetes}: a StatefulSet, in the optional {@code provision-kubernetes} module (fabric8).</li>
 * </ul>
 * Every provisioner measures provisioning time (request to ready), which the engine's horizon uses once known.
 */
package io.sessiongrid.provision;
