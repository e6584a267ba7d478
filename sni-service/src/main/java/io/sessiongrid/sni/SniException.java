package io.sessiongrid.sni;

/**
 * Base of every error of the SNI service. Each carries the {@link PoolFigures} at the time of the error and a
 * message that says what was asked, and what is allowed.
 */
public abstract sealed class SniException extends RuntimeException
        permits UnknownAppException, InvalidCountException, PoolExhaustedException, UnknownReservationException,
        SniUnavailableException, ReservationHeldElsewhereException {
    private final transient PoolFigures figures;

    protected SniException(String message, PoolFigures figures, Throwable cause) {
        super(message + " (" + figures + ")", cause);
        this.figures = figures;
    }

    public PoolFigures figures() {
        return figures;
    }
}
