package io.sessiongrid.migration;

/** How a move ended. */
public enum MoveOutcome {
    /** The target accepted the connection with a current copy of its session's partitions. */
    COMPLETED,
    /** The move was undone: the source keeps the connection (target died, timed out, or could not fence its copy). */
    ROLLED_BACK,
    /** The target already owned the connection: nothing to do. */
    NO_OP,
    /** In a batch: the connection changed (moved, closed, reopened) between the checks and the move; not moved. */
    REFUSED
}
