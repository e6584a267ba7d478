package io.sessiongrid.sni.internal;

/**
 * One reservation, key = reservation id in {@code <ns>.reservations}, Compact type {@code sessiongrid.sni.Reservation}.
 * For a shadow reservation the chunk entries hold its identifiers; this record says where and until when.
 *
 * @param id        reservation id
 * @param appId     the application cluster
 * @param kind      0 = shadow, 1 = range
 * @param count     identifiers asked for
 * @param chunks    chunks it uses
 * @param createdAt epoch millis
 * @param expiresAt epoch millis
 * @param holder    for a shadow reservation, the service instance that made it and alone hands out, extends or releases
 *                  it (others wait for its expiry); {@code null} for a range reservation
 * @param state     {@link #ACTIVE}, {@link #RELEASED} or {@link #EXPIRED} (kept as a tombstone so that a second
 *                  release is idempotent; swept after another TTL)
 */
public record ReservationRecord(long id, String appId, byte kind, int count, int[] chunks, long createdAt,
                                long expiresAt, byte state, String holder) {
    public static final byte ACTIVE = 0;
    public static final byte RELEASED = 1;
    public static final byte EXPIRED = 2;

    /** Whether {@code caller} may extend or release it early (only the holder of a shadow reservation may). */
    boolean mayChange(String caller) {
        return holder == null || caller == null || holder.equals(caller);
    }

    ReservationRecord with(int[] newChunks, long newExpiry, byte newState) {
        return new ReservationRecord(id, appId, kind, count, newChunks, createdAt, newExpiry, newState, holder);
    }
}
