package io.sessiongrid.sni;

import java.time.Instant;

/**
 * The answer to a heartbeat.
 *
 * @param leaseId   the lease
 * @param live      identifiers of the lease still held by it (their heartbeat was refreshed)
 * @param missing   identifiers of the lease no longer held by it (released or reclaimed)
 * @param refreshed the heartbeat time recorded
 */
public record LeaseStatus(long leaseId, int live, int missing, Instant refreshed) {
    /** Whether every identifier of the lease is still held by it. */
    public boolean intact() {
        return missing == 0;
    }
}
