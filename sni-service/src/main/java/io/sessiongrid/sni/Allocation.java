package io.sessiongrid.sni;

import java.util.stream.LongStream;

/**
 * The result of {@link SniService#allocate(String, int)}.
 *
 * @param lease          the lease over the allocated identifiers
 * @param fromReserved   how many identifiers came out of the application's reservations (shadow allocation)
 * @param chunksAcquired how many chunks had to be taken from the free pool for this call
 */
public record Allocation(Lease lease, int fromReserved, int chunksAcquired) {
    public LongStream ids() {
        return lease.ids();
    }

    public int size() {
        return lease.size();
    }
}
