package io.sessiongrid.migration;

/**
 * This node's move counters since it started.
 *
 * @param accepted          moves this node accepted as target
 * @param rolledBack        moves this node rolled back (as coordinator, target or clean-up)
 * @param bytesFetched      payload bytes this node copied as target
 * @param partitionsFetched partitions this node copied as target
 * @param fenceRounds       version comparisons this node made as target (1 per batch when nothing raced)
 */
public record MigrationStats(long accepted, long rolledBack, long bytesFetched, long partitionsFetched, long fenceRounds) {
}
