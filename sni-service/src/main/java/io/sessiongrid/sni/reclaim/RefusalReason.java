package io.sessiongrid.sni.reclaim;

/** Why a manual reclamation left an identifier alone. */
public enum RefusalReason {
    /** Its lease sent a heartbeat within the idle timeout: it is in use. */
    LIVE_LEASE,
    /** It is not allocated (free already). */
    NOT_ALLOCATED,
    /** A live shadow reservation holds it: release or let the reservation expire instead. */
    RESERVED,
    /** It lies outside the identifier space. */
    OUT_OF_SPACE
}
