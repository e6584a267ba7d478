package io.sessiongrid.node.demo.report;

import java.time.Instant;
import java.util.Objects;

/**
 * One sample of the demo, taken once a second.
 *
 * @param at              when the sample was taken
 * @param offeredDemand   the demand the workload offered (requests/s)
 * @param measuredDemand  the demand the cluster measured (requests/s)
 * @param readyServers    servers ready to take connections
 * @param pendingServers  servers requested but not ready yet
 * @param readyCapacity   the demand the ready servers can serve (requests/s)
 * @param migrations      connections migrated so far (cumulative)
 * @param replayedBytes   bytes selective replay copied so far (cumulative)
 * @param sniLeased       SNI identifiers leased from the {@code sessiongrid-members} pool
 * @param sniReserved     SNI identifiers reserved for servers not running yet
 */
public record DemoSample(Instant at, double offeredDemand, double measuredDemand, int readyServers,
                         int pendingServers, double readyCapacity, long migrations, long replayedBytes,
                         long sniLeased, long sniReserved) {
    public DemoSample {
        Objects.requireNonNull(at, "at");
    }
}
