package io.sessiongrid.sni.sharding;

/**
 * Chooses the next chunk for an application from a bitmap of taken chunks (bit set = owned by some application).
 * Pure: the caller claims the chosen chunk atomically and retries if it lost a race.
 *
 * <p>Dynamic sharding grows an application's current range to the right, then to the left; when both neighbours
 * are taken (or the application has no chunk yet) it starts a new range in the middle of the largest free gap, which
 * leaves room on both sides and keeps applications apart. Cost: O(1) when growing, O(chunks/64) for a new range.
 */
public final class ChunkPlacement {
    /** No free chunk. */
    public static final int NONE = -1;

    private ChunkPlacement() {
    }

    /** A chosen chunk and the shuffled-order cursor after it. */
    public record Pick(int chunk, long nextCursor) {
    }

    /**
     * The next free chunk in shuffled order from position {@code cursor} on, or {@link #NONE} with the cursor
     * unchanged when every chunk is taken. O(chunks) at worst, O(1) while the pool is mostly free.
     */
    public static Pick shuffled(long[] taken, int chunks, ShuffledOrder order, long cursor) {
        for (long i = 0; i < chunks; i++) {
            int candidate = order.at(cursor + i);
            if (!isTaken(taken, candidate)) {
                return new Pick(candidate, cursor + i + 1);
            }
        }
        return new Pick(NONE, cursor);
    }

    /**
     * The free chunk that extends the range {@code [lo, hi]} (right first, then left), else the middle of the
     * largest free gap; {@code lo < 0} means the application has no chunk yet.
     */
    public static int adjacent(long[] taken, int chunks, int lo, int hi) {
        if (lo >= 0) {
            if (hi + 1 < chunks && !isTaken(taken, hi + 1)) {
                return hi + 1;
            }
            if (lo - 1 >= 0 && !isTaken(taken, lo - 1)) {
                return lo - 1;
            }
        }
        return middleOfLargestGap(taken, chunks);
    }

    /** The middle chunk of the largest run of free chunks, or {@link #NONE}. */
    public static int middleOfLargestGap(long[] taken, int chunks) {
        int bestStart = NONE;
        int bestLength = 0;
        int start = -1;
        for (int i = 0; i <= chunks; i++) {
            boolean free = i < chunks && !isTaken(taken, i);
            if (free && start < 0) {
                start = i;
            } else if (!free && start >= 0) {
                int length = i - start;
                if (length > bestLength) {
                    bestLength = length;
                    bestStart = start;
                }
                start = -1;
            }
        }
        if (bestStart < 0) {
            return NONE;
        }
        // A gap at the very start of the space has no left neighbour to leave room for: start there.
        return bestStart == 0 ? 0 : bestStart + bestLength / 2;
    }

    /** The range of consecutive chunks, all in {@code owned}, that contains {@code chunk}: {lo, hi}. */
    public static int[] rangeAround(java.util.BitSet owned, int chunk) {
        int lo = chunk;
        while (lo - 1 >= 0 && owned.get(lo - 1)) {
            lo--;
        }
        int hi = chunk;
        while (owned.get(hi + 1)) {
            hi++;
        }
        return new int[] {lo, hi};
    }

    public static boolean isTaken(long[] taken, int chunk) {
        return (taken[chunk >>> 6] & (1L << chunk)) != 0;
    }

    public static void setTaken(long[] taken, int chunk, boolean value) {
        if (value) {
            taken[chunk >>> 6] |= 1L << chunk;
        } else {
            taken[chunk >>> 6] &= ~(1L << chunk);
        }
    }
}
