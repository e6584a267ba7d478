package io.sessiongrid.provision;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts and stops servers for the scaling engine. Thread-safe. {@link #provision} and {@link #retire} return
 * at once; what follows (ready, stopped, died) arrives through {@link #servers()} and the listeners.
 */
public interface ServerProvisioner extends AutoCloseable {

    /** The provisioner's name, as {@link ServerProvisioners} knows it, e.g. {@code local-process}. */
    String name();

    /**
     * Requests {@code count} new servers of {@code role}; they start as lite members (or clients) and become
     * {@link ServerPhase#READY} when they have joined.
     *
     * @return the new servers, {@link ServerPhase#STARTING}
     * @throws IllegalArgumentException when count is below 1 or the role is unknown
     * @throws ProvisionException       when the platform refuses the request
     */
    List<ProvisionedServer> provision(int count, String role);

    /**
     * Stops the server gracefully (a SIGTERM, a graceful member shutdown, one replica less). Retiring a server
     * that is already stopping or gone does nothing.
     *
     * @throws IllegalArgumentException when this provisioner never started a server with that id
     */
    void retire(String serverId);

    /**
     * Whether {@link #retire} would take this server now. Most provisioners retire any server; one that cannot
     * choose (a StatefulSet removes its highest ordinal first) says which, and the engine picks among those.
     */
    default boolean retirableNow(String serverId) {
        return true;
    }

    /** The servers this provisioner started that are not yet gone, oldest first. */
    List<ProvisionedServer> servers();

    /** The server with this id, also a gone one. */
    Optional<ProvisionedServer> server(String serverId);

    /** The mean request-to-ready time of the recent servers; empty until one has become ready. */
    Optional<Duration> provisioningTime();

    /** Adds a listener, called on the provisioner's own threads; keep it short. */
    void addListener(Consumer<ProvisionEvent> listener);

    /** Stops every server this provisioner started, gracefully, and releases its resources. */
    @Override
    void close();
}
