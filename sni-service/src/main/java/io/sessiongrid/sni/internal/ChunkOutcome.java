package io.sessiongrid.sni.internal;

/**
 * What the chunk entry processors answer, one named record per kind of answer (entry processors return results
 * instead of throwing: exceptions do not reliably reach a client as their own type). Offsets are within the chunk.
 * Each has a Compact serializer in {@link ProcessorSerializers}.
 */
sealed interface ChunkOutcome {
    /** The chunk's owner (after the call; before it for {@link Swept}), or {@code null} when it is free. */
    String owner();

    /** Whether the caller's application owned the chunk (else nothing changed). */
    enum Status { OK, NOT_OWNER }

    /**
     * Identifier runs of an owned chunk: granted ({@code Allocate}), reserved ({@code Reserve}), still held
     * ({@code Extend}), or reclaimed and refused ({@code Reclaim}, with {@code codes}); none for {@code Pin}.
     *
     * @param free  free identifiers in the chunk after the call
     * @param codes per run: 0, or a refusal reason ordinal + 1 (manual reclamation); 0s otherwise
     */
    record Runs(Status status, String owner, int free, int[] starts, int[] lengths, byte[] codes)
            implements ChunkOutcome {
        static Runs of(ChunkEditor e, Ranges ranges) {
            return new Runs(Status.OK, e.owner(), e.free(), ranges.starts(), ranges.lengths(), ranges.codes());
        }

        static Runs none(ChunkEditor e) {
            return of(e, new Ranges());
        }

        static Runs notOwner(ChunkEditor e) {
            return new Runs(Status.NOT_OWNER, e.owner(), e.free(), new int[0], new int[0], new byte[0]);
        }

        /** Identifiers in all runs. */
        public int total() {
            int sum = 0;
            for (int length : lengths) {
                sum += length;
            }
            return sum;
        }

        /** Identifiers in the runs whose code is 0 (reclaimed, for {@code Reclaim}). */
        public int accepted() {
            int sum = 0;
            for (int i = 0; i < codes.length; i++) {
                sum += codes[i] == 0 ? lengths[i] : 0;
            }
            return sum;
        }
    }

    /** {@code Claim}: whether the application owns the (formerly free) chunk now. */
    record Claimed(boolean claimed, String owner) implements ChunkOutcome {
    }

    /** {@code Release}: identifiers freed, found free already, and found reserved (left as they were). */
    record Released(String owner, int released, int alreadyFree, int reserved) implements ChunkOutcome {
    }

    /** {@code Heartbeat}: identifiers the lease holds in the chunk, and how many this call handed over to it. */
    record Beat(String owner, int live, int handedOver) implements ChunkOutcome {
    }

    /** {@code ReleaseHolder}: identifiers a lease or reservation held here and no longer does. */
    record Freed(String owner, int freed) implements ChunkOutcome {
    }

    /**
     * The automatic sweep of one chunk: identifiers freed from idle leases and from expired reservations, and whether
     * the chunk went back to the free pool ({@code owner} is the owner before the sweep).
     */
    record Swept(String owner, int idleFreed, int expiredFreed, boolean returnedToPool) implements ChunkOutcome {
    }
}
