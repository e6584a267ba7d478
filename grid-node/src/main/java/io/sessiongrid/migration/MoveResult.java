package io.sessiongrid.migration;

import java.time.Duration;

/**
 * The outcome of one move as its caller sees it.
 *
 * @param moveId            the move's id (its {@link MoveRecord} key), or null for a no-op
 * @param connectionId      the connection
 * @param source            the server that owned it before
 * @param target            the server asked for
 * @param outcome           how it ended
 * @param bytesFetched      payload bytes the target copied
 * @param partitionsFetched partitions the target copied
 * @param duration          from begin to the outcome, as the caller waited
 * @param reason            why it rolled back or was refused, else null
 */
public record MoveResult(String moveId, String connectionId, String source, String target, MoveOutcome outcome,
                         long bytesFetched, int partitionsFetched, Duration duration, String reason) {

    public boolean completed() {
        return outcome == MoveOutcome.COMPLETED || outcome == MoveOutcome.NO_OP;
    }
}
