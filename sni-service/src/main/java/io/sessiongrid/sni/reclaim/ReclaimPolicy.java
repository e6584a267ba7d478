package io.sessiongrid.sni.reclaim;

import java.time.Duration;

/**
 * Reclamation eligibility with graceful verification: a leased identifier may be reclaimed only when its lease's
 * last heartbeat is older than the idle timeout; a reserved identifier only when its reservation has expired.
 *
 * @param idleTimeout how long a lease may stay silent before its identifiers may be reclaimed
 */
public record ReclaimPolicy(Duration idleTimeout) {
    public ReclaimPolicy {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
        }
    }

    /**
     * @param holding what holds the identifier
     * @param stamp   for a lease its last heartbeat, for a reservation its expiry (epoch millis)
     * @param now     epoch millis
     */
    public ReclaimDecision decide(Holding holding, long stamp, long now) {
        return switch (holding) {
            case FREE -> new ReclaimDecision.Refuse(RefusalReason.NOT_ALLOCATED);
            case LEASED -> isIdle(stamp, now) ? ReclaimDecision.IDLE_LEASE
                    : new ReclaimDecision.Refuse(RefusalReason.LIVE_LEASE);
            case RESERVED -> now >= stamp ? ReclaimDecision.EXPIRED_RESERVATION
                    : new ReclaimDecision.Refuse(RefusalReason.RESERVED);
        };
    }

    /** Whether a lease whose last heartbeat was at {@code lastHeartbeat} is idle at {@code now}. */
    public boolean isIdle(long lastHeartbeat, long now) {
        return now - lastHeartbeat > idleTimeout.toMillis();
    }
}
