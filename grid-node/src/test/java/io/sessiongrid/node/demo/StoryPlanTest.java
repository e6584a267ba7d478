package io.sessiongrid.node.demo;

import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.workload.Workload;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoryPlanTest {
    private static final Instant ORIGIN = Instant.parse("2026-11-29T10:00:00Z");
    private static final Duration DAY = Duration.ofSeconds(140);

    @Test
    void thePeakNeedsThreeServersAndTheTroughOne() {
        StoryPlan plan = StoryPlan.of(Workload.builtin(DAY, ORIGIN), 240, ORIGIN, DAY);
        double perServer = plan.capacity() * StoryPlan.TARGET_UTILIZATION;
        assertEquals(StoryPlan.PEAK_SERVERS, (int) Math.ceil(plan.peakDemand() / perServer));
        assertEquals(1, (int) Math.ceil(plan.offered(ORIGIN) / perServer));
        assertTrue(plan.peakAt().isAfter(ORIGIN.plus(DAY.dividedBy(4))) && plan.peakAt().isBefore(ORIGIN.plus(DAY)));
        // The built-in day peaks at 1.0 (a burst reaches above it) at 5 requests/s per connection.
        assertTrue(plan.peakDemand() >= 240 * StoryPlan.PEAK_RATE, "peak " + plan.peakDemand());
    }

    @Test
    void itsConfigurationIsValidAndCarriesTheCapacity() {
        StoryPlan plan = StoryPlan.of(Workload.builtin(DAY, ORIGIN), 240, ORIGIN, DAY);
        SessionGridConfig config = SessionGridConfigLoader.parse("demo", plan.configYaml());
        assertEquals(plan.capacity(), config.scaling().capacityPerServer(), 0.1);
        assertEquals(StoryPlan.PEAK_SERVERS + 1, config.scaling().maxMembers());
        assertEquals(StoryPlan.ROLE, config.scaling().serverRole());
        assertTrue(config.roles().containsKey(StoryPlan.ROLE));
    }

    @Test
    void optionsOutOfRangeSayWhatIsAllowed() {
        IllegalArgumentException shortDay = assertThrows(IllegalArgumentException.class,
                () -> new StoryOptions(Duration.ofSeconds(10), Optional.empty(), 100, Path.of("x")));
        assertTrue(shortDay.getMessage().contains("between 40s and 120m"), shortDay.getMessage());
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                () -> new StoryOptions(DAY, Optional.empty(), 1_000_000, Path.of("x")));
        assertTrue(many.getMessage().contains("--connections must be between 10 and 20000"), many.getMessage());
    }
}
