package io.sessiongrid.analyzer.internal;

import io.sessiongrid.analyzer.ConnectionSample;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class LateGuardTest {
    private static ConnectionSample sample(long start) {
        return new ConnectionSample("c", "s", "m", start, 1000, 0, 0, 0, 5, 0, 0, 0, 0, 0, null, null);
    }

    @Test
    void passesInOrderAndWithinLagAndMovesLateSamplesToTheOldestOpenWindow() {
        LateGuard guard = new LateGuard(1000);
        ConnectionSample a = sample(10_000);
        assertSame(a, guard.apply(a));
        ConnectionSample b = sample(12_000);
        assertSame(b, guard.apply(b));
        ConnectionSample withinLag = sample(11_000);
        assertSame(withinLag, guard.apply(withinLag), "out of order within the lag is left to Jet");
        ConnectionSample late = guard.apply(sample(9_000));
        assertEquals(11_000, late.intervalStart());
        assertEquals(1, late.late());
        assertEquals(5, late.requests(), "a late sample keeps its counts");
        assertNull(guard.apply(ConnectionSample.heartbeat(5_000, 1000)), "late heartbeats carry nothing");
    }
}
