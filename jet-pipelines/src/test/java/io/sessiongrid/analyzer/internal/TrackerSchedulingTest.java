package io.sessiongrid.analyzer.internal;

import io.sessiongrid.time.ManualScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tracker's periodic flush on an injected scheduler and clock: virtual time, no waiting. */
class TrackerSchedulingTest {
    private final ManualScheduler scheduler = new ManualScheduler(Instant.ofEpochMilli(10_500));
    private final BufferedConnectionTrackerTest.Recorder writer = new BufferedConnectionTrackerTest.Recorder();
    private final BufferedConnectionTracker tracker =
            new BufferedConnectionTracker(writer, 1000, () -> scheduler.clock().millis(), scheduler);

    @Test
    void flushesEachClosedIntervalJustAfterItsEnd() {
        tracker.opened("c1", "s1", "m1");
        tracker.request("c1", "get", 1, 1, 1, false);
        scheduler.advance(Duration.ofMillis(500)); // 11,000: the interval 10,000-11,000 is not over until 11,025
        assertEquals(0, writer.writes.size());
        scheduler.advance(Duration.ofMillis(25));
        assertEquals(1, writer.writes.size());
        assertEquals(10_000, writer.writes.get(0).get(0).intervalStart());
        assertEquals(1, writer.samples(0).get(0).requests());

        scheduler.advance(Duration.ofSeconds(2)); // 12,025 and 13,025 (the latter is at the target: included)
        assertEquals(3, writer.writes.size());
        assertEquals(12_000, writer.writes.get(2).get(0).intervalStart());
    }

    @Test
    void aFailedFlushKeepsTheScheduleAndTheCountsGoWithTheNextOne() {
        tracker.opened("c1", "s1", "m1");
        tracker.request("c1", "get", 1, 1, 1, false);
        writer.fail = true;
        scheduler.advance(Duration.ofMillis(525));
        assertEquals(1, tracker.failedFlushes());
        writer.fail = false;
        tracker.request("c1", "get", 1, 1, 1, false);
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(1, writer.writes.size());
        assertEquals(2, writer.samples(0).get(0).requests());
    }

    @Test
    void closeCancelsThePeriodicFlushAndFlushesOnce() {
        tracker.opened("c1", "s1", "m1");
        tracker.close();
        assertEquals(1, writer.writes.size());
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(1, writer.writes.size(), "no periodic flush after close");
        assertEquals(0, scheduler.pending());
    }
}
