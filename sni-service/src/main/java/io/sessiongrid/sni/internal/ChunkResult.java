package io.sessiongrid.sni.internal;

/**
 * What a chunk entry processor returns (entry processors return results instead of throwing: exceptions do not
 * reliably reach a client as their own type). Offsets are within the chunk.
 *
 * @param status  {@link #OK}, {@link #NOT_OWNER} (another application, or the free pool, owns the chunk)
 * @param owner   the chunk's owner after the call
 * @param starts  run offsets (granted, reserved, reclaimed or refused, depending on the call)
 * @param lengths run lengths
 * @param codes   per run: 0, or a refusal reason ordinal + 1 (manual reclamation)
 * @param free    free identifiers in the chunk after the call
 * @param a       first counter (released / live / reclaimed / from reserved, depending on the call)
 * @param b       second counter
 * @param c       third counter
 * @param flag    the call's yes/no answer (claimed, returned to the pool, ...)
 */
public record ChunkResult(int status, String owner, int[] starts, int[] lengths, byte[] codes, int free,
                          long a, long b, long c, boolean flag) {
    public static final int OK = 0;
    public static final int NOT_OWNER = 1;

    static ChunkResult of(ChunkEditor e, Ranges ranges, long a, long b, long c, boolean flag) {
        return new ChunkResult(OK, e.owner(), ranges.starts(), ranges.lengths(), ranges.codes(), e.free(),
                a, b, c, flag);
    }

    static ChunkResult counts(ChunkEditor e, long a, long b, long c, boolean flag) {
        return of(e, new Ranges(), a, b, c, flag);
    }

    static ChunkResult notOwner(ChunkEditor e) {
        return new ChunkResult(NOT_OWNER, e.owner(), new int[0], new int[0], new byte[0], e.free(), 0, 0, 0, false);
    }

    public int total() {
        int sum = 0;
        for (int length : lengths) {
            sum += length;
        }
        return sum;
    }
}
