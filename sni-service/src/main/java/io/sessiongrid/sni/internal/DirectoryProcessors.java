package io.sessiongrid.sni.internal;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import io.sessiongrid.sni.sharding.ChunkPlacement;
import io.sessiongrid.sni.sharding.ShardingMode;
import io.sessiongrid.sni.sharding.ShuffledOrder;

import java.util.Map;

/** Entry processors on the pool directory. Deterministic; they create the directory on first use. */
final class DirectoryProcessors {
    private DirectoryProcessors() {
    }

    static PoolDirectory init(PoolDirectory current, int chunks, int chunkSize, long seed) {
        return current != null ? current
                : new PoolDirectory(chunks, chunkSize, seed, 0, new long[(chunks + 63) / 64], 0);
    }

    /** Creates the directory if absent; returns {chunks, chunkSize, freeChunks}. */
    record Init(int chunks, int chunkSize, long seed) implements EntryProcessor<String, PoolDirectory, int[]> {
        @Override
        public int[] process(Map.Entry<String, PoolDirectory> entry) {
            PoolDirectory d = entry.getValue();
            if (d == null) {
                d = init(null, chunks, chunkSize, seed);
                entry.setValue(d);
            }
            return new int[] {d.chunks(), d.chunkSize(), d.freeChunks()};
        }
    }

    /** {chunks, freeChunks}, or {@code null} before the directory exists. */
    record Figures() implements EntryProcessor<String, PoolDirectory, int[]>, ReadOnly {
        @Override
        public int[] process(Map.Entry<String, PoolDirectory> entry) {
            PoolDirectory d = entry.getValue();
            return d == null ? null : new int[] {d.chunks(), d.freeChunks()};
        }

        @Override
        public EntryProcessor<String, PoolDirectory, int[]> getBackupProcessor() {
            return null;
        }
    }

    /**
     * Picks a free chunk and marks it taken: next to {@code [lo, hi]} for dynamic sharding, next in shuffled order for
     * the random baseline. Returns the chunk, or {@link ChunkPlacement#NONE} when every chunk is taken.
     */
    record Take(ShardingMode mode, int lo, int hi) implements EntryProcessor<String, PoolDirectory, Integer> {
        @Override
        public Integer process(Map.Entry<String, PoolDirectory> entry) {
            PoolDirectory d = entry.getValue();
            if (d == null) {
                return ChunkPlacement.NONE;
            }
            long[] taken = d.taken().clone();
            long cursor = d.cursor();
            int chunk;
            if (mode == ShardingMode.RANDOM) {
                ChunkPlacement.Pick pick = ChunkPlacement.shuffled(taken, d.chunks(),
                        new ShuffledOrder(d.chunks(), d.seed()), cursor);
                chunk = pick.chunk();
                cursor = pick.nextCursor();
            } else {
                chunk = ChunkPlacement.adjacent(taken, d.chunks(), lo, hi);
            }
            if (chunk == ChunkPlacement.NONE) {
                return chunk;
            }
            ChunkPlacement.setTaken(taken, chunk, true);
            entry.setValue(new PoolDirectory(d.chunks(), d.chunkSize(), d.seed(), cursor, taken, d.takenCount() + 1));
            return chunk;
        }
    }

    /** Marks chunks taken or free (after the chunk entries changed). Returns the number of free chunks. */
    record Mark(int[] chunksToMark, boolean taken) implements EntryProcessor<String, PoolDirectory, Integer> {
        @Override
        public Integer process(Map.Entry<String, PoolDirectory> entry) {
            PoolDirectory d = entry.getValue();
            if (d == null) {
                return 0;
            }
            long[] bits = d.taken().clone();
            int count = d.takenCount();
            for (int chunk : chunksToMark) {
                if (ChunkPlacement.isTaken(bits, chunk) != taken) {
                    ChunkPlacement.setTaken(bits, chunk, taken);
                    count += taken ? 1 : -1;
                }
            }
            entry.setValue(new PoolDirectory(d.chunks(), d.chunkSize(), d.seed(), d.cursor(), bits, count));
            return d.chunks() - count;
        }
    }
}
