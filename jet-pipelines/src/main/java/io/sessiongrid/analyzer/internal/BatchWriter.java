package io.sessiongrid.analyzer.internal;

import java.util.List;

/** Where a tracker's flush goes: one batch per Hazelcast partition, in one call. */
public interface BatchWriter {

    /** The number of partitions: {@link #write} takes exactly this many batches. */
    int partitions();

    /**
     * The partition whose batch carries the samples of {@code sessionId}: every tracker puts a session's
     * connections into the same partition's batch, so they meet in one processor of the Jet job.
     */
    int partitionOf(String sessionId);

    /** A name for the writing process, stamped on every batch. */
    String source();

    /**
     * Writes {@code batches.get(p)} to partition {@code p}, for every partition (empty batches are heartbeats).
     *
     * @throws RuntimeException when the write failed; the tracker then keeps the counts for the next flush
     */
    void write(List<SampleBatch> batches);
}
