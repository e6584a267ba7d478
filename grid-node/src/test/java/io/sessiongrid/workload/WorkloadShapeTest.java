package io.sessiongrid.workload;

import io.sessiongrid.forecast.backtest.TraceCsv;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadShapeTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration DAY = Duration.ofMinutes(2);

    @Test
    void aDayRisesFromItsTroughToThePeakAtMidDayAndRepeats() {
        DailyShape day = new DailyShape(T0, DAY, 0.2, List.of());
        assertEquals(0.2, day.level(T0), 1e-9);
        assertEquals(1.0, day.level(T0.plus(DAY.dividedBy(2))), 1e-9);
        assertEquals(0.6, day.level(T0.plus(DAY.dividedBy(4))), 1e-9);
        assertEquals(day.level(T0.plusSeconds(17)), day.level(T0.plusSeconds(17).plus(DAY.multipliedBy(3))), 1e-12);
        assertEquals(day.level(T0.plusSeconds(17)), day.level(T0.plusSeconds(17).minus(DAY)), 1e-12, "before the origin too");
        double previous = -1;
        for (int s = 0; s <= 60; s += 5) { // rising through the first half
            double level = day.level(T0.plusSeconds(s));
            assertTrue(level > previous, "rising at " + s + " s");
            previous = level;
        }
    }

    @Test
    void burstsAddTheirExtraOnlyWhileTheyLastAndMayWrapPastMidnight() {
        DailyShape day = new DailyShape(T0, DAY, 0.2, List.of(new DailyShape.Burst(0.25, 0.1, 0.5),
                new DailyShape.Burst(0.95, 0.1, 0.3)));
        DailyShape plain = new DailyShape(T0, DAY, 0.2, List.of());
        Instant inBurst = T0.plusMillis((long) (DAY.toMillis() * 0.3));
        Instant after = T0.plusMillis((long) (DAY.toMillis() * 0.36));
        assertEquals(plain.level(inBurst) + 0.5, day.level(inBurst), 1e-9);
        assertEquals(plain.level(after), day.level(after), 1e-9);
        assertEquals(plain.level(T0) + 0.3, day.level(T0), 1e-9, "the late burst wraps into the next day");
        assertThrows(IllegalArgumentException.class, () -> new DailyShape.Burst(1.0, 0.1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new DailyShape(T0, Duration.ZERO, 0.2, List.of()));
    }

    @Test
    void aTraceIsScaledToItsPeakInterpolatedAndLooped() {
        // 4 points an hour apart, a day compressed to 24 s: each point lasts 1 s
        TraceShape shape = TraceShape.of(TraceCsv.parse("t.csv", List.of("timestamp,value",
                "2026-01-01 00:00:00,10", "2026-01-01 01:00:00,20", "2026-01-01 02:00:00,40",
                "2026-01-01 03:00:00,0")), T0, Duration.ofSeconds(24));
        assertEquals(Duration.ofSeconds(1), shape.step());
        assertEquals(0.25, shape.level(T0), 1e-9);
        assertEquals(1.0, shape.level(T0.plusSeconds(2)), 1e-9);
        assertEquals(0.75, shape.level(T0.plusMillis(1500)), 1e-9);
        assertEquals(0.125, shape.level(T0.plusMillis(3500)), 1e-9, "from the last point back to the first");
        assertEquals(shape.level(T0.plusMillis(700)), shape.level(T0.plusMillis(4700)), 1e-12);
    }

    @Test
    void aWorkloadSpecIsBuiltinOrATraceFileAndAnythingElseSaysWhatIsAllowed() {
        Workload builtin = Workload.parse("builtin", DAY);
        assertTrue(builtin.shape() instanceof DailyShape);
        assertEquals(Workload.DEFAULT_PEAK_RATE * builtin.shape().level(T0), builtin.rate(T0), 1e-9);
        WorkloadException missing = assertThrows(WorkloadException.class,
                () -> Workload.parse("no-such-trace.csv", DAY));
        assertTrue(missing.getMessage().contains("not found") && missing.getMessage().contains("builtin"),
                missing.getMessage());
        assertThrows(WorkloadException.class, () -> Workload.parse(" ", DAY));
        assertThrows(WorkloadException.class, () -> Workload.parse("builtin", Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> builtin.withPeakRate(0));
    }
}
