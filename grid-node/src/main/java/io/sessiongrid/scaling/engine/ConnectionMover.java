package io.sessiongrid.scaling.engine;

import java.util.List;

/** Moves connections between servers (the migration service). */
public interface ConnectionMover {

    /** The connections a server owns, with their predicted usage over the horizon. */
    List<ConnectionLoad> connections(String serverId);

    /** Moves these connections in one batch; returns how many completed. */
    int move(List<Move> moves);

    /** Moves every connection off the server; returns how many could not be moved. */
    int drain(String serverId);

    /**
     * Marks the server as leaving, so no drain and no rebalance moves connections onto it. The engine marks every
     * server of a scale-in before it drains the first, or one drain would fill the next server to leave.
     */
    void markDraining(String serverId);

    /**
     * Whether a move from or to {@code serverId} is under way: it must not be retired before that move ends (a move
     * that rolls back returns the connection to its source).
     */
    default boolean moving(String serverId) {
        return false;
    }

    /**
     * Whether {@code target} may take the connections of {@code source}: its role needs every partition type the
     * source's role needs (else a move may refuse: the target would lack what the session holds).
     */
    default boolean canTake(String source, String target) {
        return true;
    }

    /**
     * A connection and its predicted usage (requests/s over the horizon).
     *
     * @param connectionId   the connection
     * @param predictedUsage its predicted usage
     */
    record ConnectionLoad(String connectionId, double predictedUsage) {
    }

    /**
     * One connection to move.
     *
     * @param connectionId the connection
     * @param target       the server to move it to
     */
    record Move(String connectionId, String target) {
    }
}
