package io.sessiongrid.sni.reclaim;

/** The decision for one identifier. */
public sealed interface ReclaimDecision {
    /** Free it. */
    record Reclaim(String cause) implements ReclaimDecision {
    }

    /** Leave it. */
    record Refuse(RefusalReason reason) implements ReclaimDecision {
    }

    ReclaimDecision IDLE_LEASE = new Reclaim("lease idle longer than the idle timeout");
    ReclaimDecision EXPIRED_RESERVATION = new Reclaim("reservation expired");
}
