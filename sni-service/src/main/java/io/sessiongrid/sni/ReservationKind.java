package io.sessiongrid.sni;

/** How a reservation holds its identifiers. */
public enum ReservationKind {
    /**
     * Shadow allocation: the identifiers are pre-allocated to the reservation in the grid, so that a later
     * {@link SniService#allocate(String, int)} of the application is a single claim from the reserved range.
     */
    SHADOW,
    /**
     * Range reservation: whole chunks are taken and pinned for the application (growth lands there,
     * contiguously), but identifiers are not pre-allocated; other callers of the same application share them.
     */
    RANGE
}
