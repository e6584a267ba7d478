package io.sessiongrid.node.cli;

import io.sessiongrid.config.internal.DurationFormat;
import io.sessiongrid.runtime.NodeComponent;
import io.sessiongrid.runtime.NodeContext;
import io.sessiongrid.servers.internal.OwningConnectionTracker;
import io.sessiongrid.migration.ServerNode;
import io.sessiongrid.session.replay.SessionReplays;
import io.sessiongrid.workload.Workload;
import io.sessiongrid.workload.WorkloadDriver;
import io.sessiongrid.workload.WorkloadException;
import io.sessiongrid.workload.WorkloadServer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** {@code start}'s workload options, checked together before the member starts. */
record WorkloadOptions(Workload workload, int connections) {

    /**
     * @throws WorkloadException when the workload, its day or its rate cannot be used, or {@code --connections} is negative
     *                           or given without a workload
     */
    static WorkloadOptions of(String spec, String day, double rate, long originMillis, int connections) {
        if (connections < 0) {
            throw new WorkloadException("--connections", "must be >= 0, got " + connections, null);
        }
        if (spec == null) {
            if (connections > 0) {
                throw new WorkloadException("--connections", "needs --workload builtin|FILE (who would serve them?)",
                        null);
            }
            return new WorkloadOptions(null, 0);
        }
        Duration length;
        try {
            length = DurationFormat.parse(day);
        } catch (RuntimeException e) {
            throw new WorkloadException("--workload-day " + day, "not a duration; e.g. 2m, 90s, 1h", e);
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new WorkloadException("--workload-rate", "must be > 0 requests/s, got " + rate, null);
        }
        return new WorkloadOptions(Workload.parse(spec, length, java.time.Instant.ofEpochMilli(originMillis)).withPeakRate(rate), connections);
    }

    List<NodeComponent> components() {
        return workload == null ? List.of() : List.of(new WorkloadServer(workload));
    }

    /** {@code --connections N}: this server is its own driver. */
    void openConnections(NodeContext node, PrintStream out) {
        if (connections == 0) {
            return;
        }
        OwningConnectionTracker tracker = (OwningConnectionTracker) node.component(ServerNode.class).orElseThrow().tracker();
        String prefix = "wl-" + node.serverId().substring(0, Math.min(8, node.serverId().length()));
        WorkloadDriver.open(node.sessions(), tracker, "", prefix, connections,
                SessionReplays.typesOf(node.config(), node.role().orElse(null)));
        out.println("SessionGrid workload: opened " + connections + " connections (sessions " + prefix + "-s0..."
                + ") on this server");
    }
}
