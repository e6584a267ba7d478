package io.sessiongrid.node.sni;

import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.sni.Allocation;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An embedded member reclaims identifiers whose lease nobody heartbeats, and keeps the heartbeated ones. The member's
 * own sweeper runs on the wall clock (SessionGrid takes no clock), so the test leaves wide margins: the live lease is
 * heartbeated every 200 ms against a 5 s idle timeout, and the idle one has 90 s to go.
 */
class IdleReclamationIT {
    static SessionGrid grid;

    @BeforeAll
    static void start() {
        SessionGridConfig config = SessionGridConfigLoader.parse("test", "sni: { idleTimeout: 5s }");
        grid = SessionGrid.embedded(config, TestClusters.memberConfig(TestClusters.uniqueName(IdleReclamationIT.class)));
    }

    @AfterAll
    static void stop() {
        if (grid != null) {
            grid.hazelcast().getLifecycleService().terminate();
        }
    }

    @Test
    void idleLeasesAreReclaimedByTheMemberAndLiveOnesStay() {
        grid.sni().registerApp("batch", 1);
        grid.sni().registerApp("web", 1);
        grid.sni().allocate("batch", 30);
        Allocation live = grid.sni().allocate("web", 20);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            grid.sni().heartbeat(live.lease());
            return grid.sni().status("batch").leased() == 0;
        });
        assertEquals(20, grid.sni().status("web").leased(), "a heartbeated lease is never reclaimed");
    }
}
