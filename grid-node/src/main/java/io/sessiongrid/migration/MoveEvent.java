package io.sessiongrid.migration;

/**
 * What a server's application hears about moves of its connections, on the node where it registered its
 * {@link MoveListener} (embedded member or client alike). Events are delivered on a SessionGrid thread, in order
 * per connection; a listener must not block.
 */
public sealed interface MoveEvent {
    String connectionId();

    String sessionId();

    String moveId();

    /** Target: a connection is about to move here; its session's partitions are being copied. */
    record ExpectConnection(String connectionId, String sessionId, String moveId, String source) implements MoveEvent {
    }

    /** Target: the connection is now served here; the copy of its session's partitions is current. */
    record ConnectionArrived(String connectionId, String sessionId, String moveId, String source) implements MoveEvent {
    }

    /** Source: the connection now belongs to {@code target}; redirect the client to {@code redirectAddress}. */
    record ConnectionMovedAway(String connectionId, String sessionId, String moveId, String target,
                               String redirectAddress) implements MoveEvent {
    }

    /** Target: an expected connection is not coming (the move rolled back). */
    record MoveCancelled(String connectionId, String sessionId, String moveId, String reason) implements MoveEvent {
    }

    /** Source: a move of this connection rolled back; it stays here. */
    record MoveRolledBack(String connectionId, String sessionId, String moveId, String target, String reason)
            implements MoveEvent {
    }
}
