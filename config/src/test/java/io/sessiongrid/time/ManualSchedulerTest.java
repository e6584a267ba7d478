package io.sessiongrid.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ManualSchedulerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final List<String> runs = new ArrayList<>();

    private Runnable record(String name) {
        return () -> runs.add(name + "@" + Duration.between(T0, scheduler.clock().instant()).toMillis());
    }

    @Test
    void runsDueTasksInTimeOrderWithTheClockAtTheirDueTime() {
        scheduler.atFixedRate("a", Duration.ofMillis(100), Duration.ofMillis(300), record("a"));
        scheduler.withFixedDelay("b", Duration.ofMillis(250), Duration.ofMillis(250), record("b"));
        scheduler.once("c", Duration.ofMillis(400), record("c"));

        assertEquals(7, scheduler.advance(Duration.ofMillis(800)));
        assertEquals(List.of("a@100", "b@250", "a@400", "c@400", "b@500", "a@700", "b@750"), runs);
        assertEquals(T0.plusMillis(800), scheduler.now());
        assertEquals(scheduler.now(), scheduler.clock().instant());
    }

    @Test
    void nothingRunsBeforeTimeMovesAndACancelledTaskNeverRunsAgain() {
        ScheduledTask a = scheduler.atFixedRate("a", Duration.ZERO, Duration.ofSeconds(1), record("a"));
        assertEquals(List.of(), runs);
        scheduler.advance(Duration.ofMillis(1500));
        a.cancel();
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(List.of("a@0", "a@1000"), runs);
        assertEquals(0, scheduler.pending());
    }

    @Test
    void aFailingTaskIsLoggedAndKeepsItsSchedule() {
        scheduler.atFixedRate("boom", Duration.ofSeconds(1), Duration.ofSeconds(1), () -> {
            runs.add("boom");
            throw new IllegalStateException("expected in this test");
        });
        scheduler.advance(Duration.ofSeconds(3));
        assertEquals(List.of("boom", "boom", "boom"), runs);
    }

    @Test
    void aTaskMayCancelItselfFromItsOwnRun() {
        ScheduledTask[] self = new ScheduledTask[1];
        self[0] = scheduler.atFixedRate("once-really", Duration.ofSeconds(1), Duration.ofSeconds(1), () -> {
            runs.add("run");
            self[0].cancel();
        });
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(List.of("run"), runs);
    }

    @Test
    void badArgumentsSayWhatIsAllowed() {
        assertThrows(IllegalArgumentException.class, () -> scheduler.advance(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> scheduler.atFixedRate("p", Duration.ZERO, Duration.ZERO, () -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> scheduler.once("n", Duration.ofSeconds(-1), () -> { }));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scheduler.once(" ", Duration.ZERO, () -> { }));
        assertEquals("a scheduled task needs a name (for logs); got ' '", e.getMessage());
    }
}
