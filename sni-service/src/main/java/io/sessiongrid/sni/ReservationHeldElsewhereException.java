package io.sessiongrid.sni;

/**
 * A shadow reservation can only be extended or released early by the service instance that made it: only that
 * instance knows which of its identifiers it has already handed out. Others wait for it to expire (its identifiers
 * then return to the free pool on the next sweep).
 */
public final class ReservationHeldElsewhereException extends SniException {
    private final long reservationId;

    public ReservationHeldElsewhereException(long reservationId, String what, PoolFigures figures) {
        super("shadow reservation " + reservationId + " cannot be " + what + " here: it is held by the service "
                + "instance that made it (which hands its identifiers out without grid calls); do it on that instance, "
                + "or let it expire", figures, null);
        this.reservationId = reservationId;
    }

    public long reservationId() {
        return reservationId;
    }
}
