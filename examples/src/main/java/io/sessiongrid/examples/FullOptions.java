package io.sessiongrid.examples;

import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.HazelcastConfigs;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.runtime.NodeComponent;
import io.sessiongrid.runtime.NodeOptions;
import io.sessiongrid.time.Scheduler;

import java.time.Clock;

/** README, "Using it": the full form, an options builder. */
public final class FullOptions {
    private FullOptions() {
    }

    static SessionGrid start(SessionGridConfig config, Clock clock, Scheduler scheduler, NodeComponent myComponent) {
SessionGrid grid = SessionGrid.start(NodeOptions.builder()
        .config(config).liteMember(HazelcastConfigs.member(null))    // or .member(...) / .client(...)
        .role("game-server").serverId("game-7").redirectAddress("10.0.0.7:8443")
        .clock(clock).scheduler(scheduler)    // injected time: the system clock and a daemon scheduler by default
        .component(myComponent)               // a NodeComponent: started with the node, closed before its instance
        .build());
        return grid;
    }
}
