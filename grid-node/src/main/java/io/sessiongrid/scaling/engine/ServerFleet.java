package io.sessiongrid.scaling.engine;

import io.sessiongrid.scaling.ServerView;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The engine's view of the servers and how it gets and gives them back (a provisioner plus the registry). */
public interface ServerFleet {

    /** Every server, pending, ready and draining, with its load. */
    List<ServerView> servers();

    /** Requests {@code count} new servers; they appear as pending at once. */
    void provision(int count);

    /**
     * Whether the server may be retired now: always for a lite member or a client; for a data member only while
     * the cluster is safe (backups in sync) and fewer data members than the backup count are leaving.
     */
    boolean safeToRetire(String serverId);

    /**
     * Retires a drained server by a graceful shutdown, never {@code terminate()} (a data member hands its replicas
     * over first; {@link RegistryFleet#retire} says why it is not demoted first); a pending one is cancelled.
     */
    void retire(String serverId);

    /** The measured request-to-ready time, once known. */
    Optional<Duration> provisioningTime();

    /**
     * The servers requested longer than {@code limit} before {@code now} that never became ready (a process that
     * hangs, a pod that cannot be scheduled or pull its image): the engine gives up on them, or they would count as
     * pending capacity forever and no scale-out would ever replace them.
     */
    default List<String> stuck(java.time.Instant now, Duration limit) {
        return List.of();
    }
}
