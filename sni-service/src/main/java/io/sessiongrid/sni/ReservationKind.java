package io.sessiongrid.sni;

/** How a reservation holds its identifiers. */
public enum ReservationKind {
    /**
     * Shadow allocation: the identifiers are pre-allocated to the reservation in the grid and held by the service
     * instance that made it, whose {@link SniService#allocate(String, int)} hands them out with no grid call (ready
     * before the VMs launch). Other instances do not use them; if the holding process dies, the identifiers it had
     * not handed out return to the pool when the reservation expires.
     */
    SHADOW,
    /**
     * Range reservation: whole chunks are taken and pinned for the application (growth lands there,
     * contiguously), but identifiers are not pre-allocated; other callers of the same application share them.
     */
    RANGE
}
