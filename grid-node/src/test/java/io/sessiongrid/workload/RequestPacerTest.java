package io.sessiongrid.workload;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestPacerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** A flat shape at level 1 (trough just under 1, so the level stays within 0.5 % of 1 over the test). */
    private static final Workload FLAT = new Workload(new DailyShape(T0, Duration.ofDays(365), 0.999_999, List.of()),
            10, 0.5, 8);

    @Test
    void eachConnectionGetsTheRateTimesTheElapsedTimeInWholeRequests() {
        RequestPacer pacer = new RequestPacer(FLAT, Duration.ofSeconds(1));
        Set<String> served = Set.of("c1", "c2");
        pacer.due(T0, served);
        int[] total = new int[2];
        for (int tick = 1; tick <= 100; tick++) { // 10 s in 100 ms ticks at 10/s: 100 requests each
            Map<String, Integer> due = pacer.due(T0.plusMillis(100L * tick), served);
            total[0] += due.getOrDefault("c1", 0);
            total[1] += due.getOrDefault("c2", 0);
        }
        assertTrue(Math.abs(total[0] - 100) <= 1 && Math.abs(total[1] - 100) <= 1, total[0] + ", " + total[1]);
        assertEquals(0, pacer.shed());
    }

    @Test
    void aServerThatFallsBehindShedsWhatIsBeyondTheBacklog() {
        RequestPacer pacer = new RequestPacer(FLAT, Duration.ofSeconds(1));
        pacer.due(T0, Set.of("c"));
        Map<String, Integer> due = pacer.due(T0.plusSeconds(5), Set.of("c")); // 5 s late: 50 owed, 10 kept
        assertTrue(due.get("c") >= 9 && due.get("c") <= 10, "a second's worth kept: " + due);
        assertTrue(pacer.shed() >= 39 && pacer.shed() <= 40, "shed " + pacer.shed());
    }

    @Test
    void aConnectionNoLongerServedIsForgottenAndStartsAfreshWhenItReturns() {
        RequestPacer pacer = new RequestPacer(FLAT, Duration.ofSeconds(1));
        pacer.due(T0, Set.of("c"));
        pacer.due(T0.plusMillis(50), Set.of()); // moved away
        Map<String, Integer> back = pacer.due(T0.plusMillis(100), Set.of("c"));
        // its credit restarted from its initial fraction, earning one 50 ms step (0.5 request)
        int expected = (int) Math.floor(RequestPacer.initialCredit("c") + 0.5);
        assertEquals(expected, back.getOrDefault("c", 0));
    }
}
