package io.sessiongrid.examples;

import io.sessiongrid.SessionGrid;
import io.sessiongrid.analyzer.ConnectionTracker;
import io.sessiongrid.sni.Allocation;

import java.time.Duration;

/** README, "Using it": the connection analyzer and the SNI service. */
public final class AnalyzerAndSni {
    private AnalyzerAndSni() {
    }

    static void use(SessionGrid grid) {
ConnectionTracker tracker = grid.connections();          // aggregated in memory, flushed once per interval
tracker.opened("conn-1", "s-42");                        // this node serves it (registers ownership)
tracker.request("conn-1", "GET /cart", 300, 4_000, 800, false);
grid.analyzer().connectionSeries("s-42", "conn-1", Duration.ofSeconds(5));   // windows from the Jet job (*)
grid.analyzer().score("s-42", "conn-1");                  // health score 0-100 with its reason
grid.analyzer().clusterForecast();                        // cluster load forecast with intervals
grid.analyzer().clusterForecastStatus();                  // "warming up: 2 of 4 points of 5.0 s windows", or ready
grid.analyzer().seasonalForecast();                       // the daily one (analyzer.season), after two days of history

grid.sni().registerApp("video", 1);
Allocation ids = grid.sni().allocate("video", 64);        // contiguous ranges, never handed out twice
grid.sni().heartbeat(ids.lease());                        // a live lease keeps its identifiers from reclamation
    }
}
