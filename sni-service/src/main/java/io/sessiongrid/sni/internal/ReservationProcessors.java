package io.sessiongrid.sni.internal;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/** Entry processors on {@code <ns>.reservations}. */
final class ReservationProcessors {
    private ReservationProcessors() {
    }

    /** Sets the chunks of a reservation being built. */
    record SetChunks(int[] chunks) implements EntryProcessor<Long, ReservationRecord, ReservationRecord> {
        @Override
        public ReservationRecord process(Map.Entry<Long, ReservationRecord> entry) {
            ReservationRecord r = entry.getValue();
            if (r == null) {
                return null;
            }
            ReservationRecord next = r.with(chunks, r.expiresAt(), r.state());
            entry.setValue(next);
            return next;
        }
    }

    /**
     * Moves the expiry of a live reservation; returns the record (unchanged when not live or when {@code caller} is not
     * its holder, {@code null} if unknown).
     */
    record Extend(long now, long expiresAt, String caller) implements EntryProcessor<Long, ReservationRecord, ReservationRecord> {
        @Override
        public ReservationRecord process(Map.Entry<Long, ReservationRecord> entry) {
            ReservationRecord r = entry.getValue();
            if (r == null || r.state() != ReservationRecord.ACTIVE || now >= r.expiresAt() || !r.mayChange(caller)) {
                return r;
            }
            ReservationRecord next = r.with(r.chunks(), expiresAt, r.state());
            entry.setValue(next);
            return next;
        }
    }

    /**
     * Ends a live reservation with {@code state}; returns the record as it was before ({@code null} if unknown), so
     * the caller knows whether it was the one that ended it. A live reservation whose holder is not {@code caller}
     * ({@code null}: anyone, used by the sweep with {@code onlyIfExpired}) is left as it is.
     */
    record End(byte state, long now, boolean onlyIfExpired, String caller)
            implements EntryProcessor<Long, ReservationRecord, ReservationRecord> {
        @Override
        public ReservationRecord process(Map.Entry<Long, ReservationRecord> entry) {
            ReservationRecord r = entry.getValue();
            if (r == null) {
                return null;
            }
            if (r.state() == ReservationRecord.ACTIVE && (!onlyIfExpired || now >= r.expiresAt()) && r.mayChange(caller)) {
                // Tombstones stay for one more lifetime, so that a late second release is recognised.
                entry.setValue(r.with(r.chunks(), now + Math.max(0, r.expiresAt() - r.createdAt()), state));
            } else if (r.state() != ReservationRecord.ACTIVE && onlyIfExpired && now >= r.expiresAt()) {
                entry.setValue(null);
            }
            return r;
        }
    }
}
