package io.sessiongrid.sni.internal;

import io.sessiongrid.sni.reclaim.ReclaimPolicy;
import io.sessiongrid.sni.reclaim.RefusalReason;
import io.sessiongrid.sni.sharding.RangeTemperature;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkEditorTest {
    private static final int SIZE = 64;
    private static final Duration IDLE = Duration.ofMinutes(10);

    private static ChunkEditor owned(String app) {
        ChunkEditor e = ChunkEditor.open(null, 3, SIZE);
        assertTrue(e.claim(app, 0, 0));
        return e;
    }

    @Test
    void claimIsExclusive() {
        ChunkEditor e = owned("a");
        assertFalse(ChunkEditor.open(e.close(), 3, SIZE).claim("b", 1, 0));
        assertTrue(ChunkEditor.open(e.close(), 3, SIZE).claim("a", 1, 0), "idempotent for the owner");
    }

    @Test
    void allocatesLowestFreeOffsetsAndRetryReturnsTheSameIdentifiers() {
        ChunkEditor e = owned("a");
        Ranges first = e.allocate(7, 10, 100, true, new int[1]);
        assertArrayEquals(new int[] {0}, first.starts());
        assertArrayEquals(new int[] {10}, first.lengths());
        Chunk stored = e.close();
        ChunkEditor retry = ChunkEditor.open(stored, 3, SIZE);
        Ranges again = retry.allocate(7, 10, 100, true, new int[1]);
        assertEquals(10, again.total());
        assertEquals(SIZE - 10, retry.free(), "a replayed allocation takes nothing more");
        Ranges second = ChunkEditor.open(stored, 3, SIZE).allocate(8, 100, 100, true, new int[1]);
        assertEquals(SIZE - 10, second.total(), "no more than the chunk has");
        assertArrayEquals(new int[] {10}, second.starts());
    }

    @Test
    void reservedIdentifiersAreTakenFirst() {
        ChunkEditor e = owned("a");
        e.allocate(1, 5, 0, true, new int[1]);
        e.reserve(99, 10, 1_000, 0);
        int[] fromReserved = new int[1];
        Ranges granted = e.allocate(2, 12, 10, true, fromReserved);
        assertEquals(10, fromReserved[0]);
        assertEquals(12, granted.total());
        assertEquals(5 + 12, e.held());
        assertEquals(SIZE - 17, e.available(10));
    }

    @Test
    void releaseCountsReleasedAlreadyFreeAndReserved() {
        ChunkEditor e = owned("a");
        e.allocate(1, 4, 0, true, new int[1]);
        e.reserve(9, 2, 1_000, 0);
        long[] counts = new long[3];
        e.release(0, 8, 5, counts);
        assertArrayEquals(new long[] {4, 2, 2}, counts);
        long[] again = new long[3];
        e.release(0, 4, 6, again);
        assertArrayEquals(new long[] {0, 4, 0}, again);
    }

    @Test
    void encodingRoundTrips() {
        ChunkEditor e = owned("a");
        e.allocate(1, 3, 10, true, new int[1]);
        e.reserve(2, 4, 500, 10);
        e.allocate(3, 2, 20, false, new int[1]);
        long[] counts = new long[3];
        e.release(1, 1, 30, counts);
        Chunk c = e.close();
        assertEquals(4, c.runCount());
        Chunk again = ChunkEditor.open(c, 3, SIZE).close();
        assertArrayEquals(c.starts(), again.starts());
        assertArrayEquals(c.lengths(), again.lengths());
        assertArrayEquals(c.holders(), again.holders());
        assertEquals(8, again.held());
    }

    @Test
    void manualReclaimRefusesLiveLeasesAndReservations() {
        ChunkEditor e = owned("a");
        e.allocate(1, 2, 0, true, new int[1]);
        e.allocate(2, 2, 0, true, new int[1]);
        e.reserve(3, 2, Duration.ofHours(1).toMillis(), 0);
        long later = IDLE.toMillis() + 1;
        assertEquals(2, e.heartbeat(2, later));
        Ranges out = new Ranges();
        e.reclaim(0, 8, new ReclaimPolicy(IDLE), later, out);
        assertArrayEquals(new int[] {0, 2, 4, 6}, out.starts());
        assertArrayEquals(new byte[] {0, (byte) (RefusalReason.LIVE_LEASE.ordinal() + 1),
                (byte) (RefusalReason.RESERVED.ordinal() + 1), (byte) (RefusalReason.NOT_ALLOCATED.ordinal() + 1)},
                out.codes());
        assertEquals(0, e.heartbeat(1, later), "the reclaimed lease finds nothing");
    }

    @Test
    void sweepFreesIdleAndExpiredThenReturnsTheColdEmptyChunk() {
        ChunkEditor e = owned("a");
        e.allocate(1, 3, 0, true, new int[1]);
        e.reserve(2, 3, 1_000, 0);
        long[] counts = new long[2];
        ReclaimPolicy policy = new ReclaimPolicy(IDLE);
        RangeTemperature temperature = RangeTemperature.forIdleTimeout(IDLE);
        assertFalse(e.sweep(policy, temperature, 2_000, counts));
        assertArrayEquals(new long[] {0, 3}, counts);
        long late = IDLE.toMillis() + 5_000;
        assertTrue(e.sweep(policy, temperature, late, counts));
        assertArrayEquals(new long[] {3, 3}, counts);
        assertNull(e.owner());
    }

    @Test
    void pinnedChunksStayOwnedWhenEmptyAndCold() {
        ChunkEditor e = ChunkEditor.open(null, 0, SIZE);
        long pin = Duration.ofHours(1).toMillis();
        e.claim("a", 0, pin);
        ReclaimPolicy policy = new ReclaimPolicy(IDLE);
        assertFalse(e.sweep(policy, RangeTemperature.forIdleTimeout(IDLE), pin - 1, new long[2]));
        assertTrue(e.sweep(policy, RangeTemperature.forIdleTimeout(IDLE), pin + 1, new long[2]));
    }

    @Test
    void handOverMovesOnlyIdentifiersTheNamedReservationStillHolds() {
        ChunkEditor e = owned("a");
        e.reserve(50, 10, 1_000, 0);
        e.reserve(60, 5, 1_000, 0);
        // Offsets 0..9 are reserved by 50, 10..14 by 60; the lease names reservation 50 and offsets 5..12.
        assertEquals(5, e.adopt(7, new long[] {50}, 5, 8, 20), "10..12 belong to reservation 60");
        assertEquals(5, e.heartbeat(7, 30));
        assertEquals(0, e.adopt(7, new long[] {50}, 5, 8, 40), "idempotent");
        long[] counts = new long[3];
        e.release(5, 5, 50, counts);
        assertEquals(0, e.adopt(7, new long[] {50}, 5, 5, 60), "a stale lease cannot take back what it released");
        assertEquals(5 + 5, e.held());
    }

    @Test
    void aHeartbeatInTheSameMillisecondAsAnotherLeasesActivityIsStillWritten() {
        ChunkEditor e = owned("a");
        e.allocate(1, 5, 100, false, new int[1]);
        e.allocate(2, 5, 100, false, new int[1]);
        ChunkEditor first = ChunkEditor.open(e.close(), 3, SIZE);
        first.heartbeat(1, 500);
        ChunkEditor second = ChunkEditor.open(first.close(), 3, SIZE);
        assertEquals(5, second.heartbeat(2, 500));
        assertTrue(second.changed(), "lease 2's stamps moved although lastActivity did not");
    }
}
