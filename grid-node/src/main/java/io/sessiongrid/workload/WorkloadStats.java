package io.sessiongrid.workload;

/**
 * What a server's synthetic application did since it started.
 *
 * @param served     connections it serves now
 * @param requests   requests executed (reads + writes)
 * @param reads      reads executed
 * @param writes     writes executed
 * @param errors     requests that failed (counted in {@code requests})
 * @param shed       requests dropped because the server fell behind by more than its backlog
 * @param arrivals   connections that started being served here
 * @param departures connections that stopped being served here (moved away)
 */
public record WorkloadStats(int served, long requests, long reads, long writes, long errors, long shed,
                            long arrivals, long departures) {
}
