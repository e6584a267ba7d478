package io.sessiongrid.sni.reclaim;

/** What holds one identifier. */
public enum Holding {
    FREE,
    /** A lease; its heartbeat proves use. */
    LEASED,
    /** A shadow reservation; it ends by release or expiry, never by reclamation. */
    RESERVED
}
