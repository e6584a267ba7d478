package io.sessiongrid.servers;

import java.time.Instant;
import java.util.Optional;

/**
 * Who owns a connection, as the connection registry records it.
 *
 * @param connectionId the connection
 * @param sessionId    its session (the registry entry lives on the session's Hazelcast partition)
 * @param server       the owning server's id
 * @param version      grows by one with every ownership change (and every step of a move)
 * @param phase        where the connection is in its life cycle
 * @param moveTarget   during a move, the server it is moving to
 * @param openedAt     when it was first registered
 */
public record ConnectionOwnership(String connectionId, String sessionId, String server, long version, Phase phase,
                                  String moveTarget, Instant openedAt) {

    public Optional<String> moving() {
        return Optional.ofNullable(moveTarget);
    }

    /** The registry's phases of a connection. */
    public enum Phase {
        /** Served by {@code server}. */
        OWNED,
        /** Moving: the target is copying the session's partitions; {@code server} still serves it. */
        MOVING,
        /** Moving: ownership flipped to the target, which is fencing its copy before it accepts. */
        ACCEPTING,
        /** Its server died; the application must reconnect it (opening it on another server takes it over). */
        ORPHANED
    }
}
