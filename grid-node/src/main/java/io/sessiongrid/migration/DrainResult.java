package io.sessiongrid.migration;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a drain did.
 *
 * @param serverId  the drained server
 * @param moves     one result per connection it owned, in the order they were moved (highest predicted usage first)
 * @param byTarget  connections completed per target server
 * @param duration  the whole drain
 */
public record DrainResult(String serverId, List<MoveResult> moves, Map<String, Integer> byTarget, Duration duration) {
    public DrainResult {
        moves = List.copyOf(moves);
        byTarget = Map.copyOf(byTarget);
    }

    public long completed() {
        return moves.stream().filter(m -> m.outcome() == MoveOutcome.COMPLETED).count();
    }

    /** Connections still on the server afterwards (rolled back or refused). */
    public long remaining() {
        return moves.stream().filter(m -> !m.completed()).count();
    }
}
