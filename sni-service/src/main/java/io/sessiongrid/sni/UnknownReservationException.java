package io.sessiongrid.sni;

/** No reservation with this id exists, or it has expired and can no longer be extended. */
public final class UnknownReservationException extends SniException {
    private final long reservationId;

    public UnknownReservationException(long reservationId, String why, PoolFigures figures) {
        super("reservation " + reservationId + " " + why, figures, null);
        this.reservationId = reservationId;
    }

    public long reservationId() {
        return reservationId;
    }
}
