package io.sessiongrid.migration;

import java.util.List;

/**
 * Moves connections between servers with selective replay: the target copies exactly the partition types its
 * role needs of the connection's session, fences that copy on the partitions' versions, and only then accepts
 * (protocol and consistency: the package doc). The same on members and clients; thread-safe. Calls block until
 * each move completed or rolled back, at most the configured {@code migration.moveTimeout} (plus a round trip).
 */
public interface Migrations {
    /** The IMap of finished moves ({@link MoveRecord}s). */
    String MOVES_MAP = "sessiongrid.moves";
    /** Move records each member keeps before evicting the least recently written (the map is bounded). */
    int MOVES_KEPT_PER_MEMBER = 20_000;

    /**
     * Moves one connection to {@code targetServer}.
     *
     * @return the outcome: {@link MoveOutcome#COMPLETED}, {@link MoveOutcome#ROLLED_BACK} (target died, timed out
     *         or could not fence), or {@link MoveOutcome#NO_OP} when the target already owns it
     * @throws io.sessiongrid.servers.UnknownConnectionException if no server registered the connection
     * @throws io.sessiongrid.servers.UnknownServerException     if no server has that id
     * @throws ServerNotReadyException                          if the target is not {@code READY}
     * @throws RoleMismatchException                            if the target's role lacks a type the session holds
     *                                                          and the source's role needs (named)
     * @throws ConnectionAlreadyMovingException                 if another move of it is under way
     */
    MoveResult migrateConnection(String connectionId, String targetServer);

    /**
     * Moves many connections at once (batched: the registry steps are pipelined and each target copies its
     * sessions with one bulk read per type). Every request is checked before any moves; a bad one throws as
     * {@link #migrateConnection} does and nothing moves. A connection that changes between the checks and its
     * move is reported {@link MoveOutcome#REFUSED}.
     *
     * @return one result per request, in order
     */
    List<MoveResult> migrateConnections(List<MoveRequest> moves);

    /**
     * Moves every connection of {@code serverId} elsewhere: marks it {@code DRAINING}, then moves its connections,
     * highest predicted usage first, each to the least-loaded {@code READY} server whose role needs every type the
     * drained server's role needs. The server stays {@code DRAINING} (shut it down, or set it {@code READY} again).
     * Connections are read a moment before they move: one that closes or starts another move meanwhile, or whose
     * target stops being {@code READY}, is reported {@link MoveOutcome#REFUSED} with the reason, and the others move.
     *
     * @throws io.sessiongrid.servers.UnknownServerException if no server has that id
     * @throws MigrationException                           if no other server can take its connections
     */
    DrainResult drain(String serverId);

    /** Registers a listener for moves of this node's connections (as source or target); returns its id. */
    String addListener(MoveListener listener);

    boolean removeListener(String id);

    /** This node's counters. */
    MigrationStats stats();
}
