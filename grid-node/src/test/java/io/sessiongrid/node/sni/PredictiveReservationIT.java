package io.sessiongrid.node.sni;

import com.hazelcast.map.IMap;
import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.profiler.AppProfile;
import io.sessiongrid.profiler.BehavioralProfiler;
import io.sessiongrid.profiler.Telemetry;
import io.sessiongrid.sni.Allocation;
import io.sessiongrid.sni.reservation.PlanAction;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole predictive chain on a real member: telemetry → the profiler's Jet job → a VM forecast → the predictive
 * allocator reserves and shadow-allocates identifiers → a burst of allocations is served from them.
 */
class PredictiveReservationIT {
    static SessionGrid grid;

    @BeforeAll
    static void start() {
        SessionGridConfig config = SessionGridConfigLoader.defaults();
        grid = SessionGrid.embedded(config, TestClusters.memberConfig(TestClusters.uniqueName(PredictiveReservationIT.class)));
    }

    @AfterAll
    static void stop() {
        if (grid != null) {
            grid.hazelcast().getLifecycleService().terminate();
        }
    }

    @Test
    void forecastGrowthIsReservedBeforeTheBurstAndServesIt() {
        grid.sni().registerApp("web", 5);
        long t0 = 1_700_000_000_000L;
        long minute = 60_000;
        for (int window = 0; window <= 70; window++) {
            for (int sample = 0; sample < 3; sample++) {
                BehavioralProfiler.record(grid.hazelcast(), new Telemetry("web", t0 + window * minute + sample * 15_000,
                        10 + window, 0.5, 8L << 30, 1_000, 3_000, 5_000, 200));
            }
        }
        IMap<String, AppProfile> profiles = grid.hazelcast().getMap(BehavioralProfiler.PROFILES);
        await().atMost(Duration.ofSeconds(60)).until(() -> profiles.get("web") != null
                && profiles.get("web").historyWindows() >= 70);
        AppProfile web = profiles.get("web");
        assertTrue(web.upperBound() > web.vmCount(), "a growing cluster is forecast to grow: " + web);
        // 70 one-minute windows: more than four times the 15-minute horizon, so the forecast is trusted.
        assertTrue(web.confidence() >= 0.8, "confident enough for shadow allocation: " + web);

        List<PlanAction> actions = grid.refreshReservations();
        assertFalse(actions.isEmpty(), "the forecast led to a reservation");
        long reserved = grid.sni().status("web").reserved();
        assertTrue(reserved > 0, "identifiers are shadow-allocated before the VMs launch: " + actions);

        Allocation burst = grid.sni().allocate("web", 5);
        assertEquals(5, burst.fromReserved(), "the burst is served from the shadow reservation");
        assertEquals(5, grid.sni().status("web").leased());
    }
}
