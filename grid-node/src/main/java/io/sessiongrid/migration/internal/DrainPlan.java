package io.sessiongrid.migration.internal;

import io.sessiongrid.migration.ConnectionPlacement;
import io.sessiongrid.migration.MoveRequest;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.servers.ServerLoad;
import io.sessiongrid.servers.internal.ConnectionRecord;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where a drain sends each connection: in the given order (highest predicted usage first), each to the candidate
 * with the least load so far: predicted request rate, then connection count (so unscored connections spread too).
 * Pure ({@link ConnectionPlacement} with each connection's own prediction as its weight).
 */
final class DrainPlan {
    private DrainPlan() {
    }

    static List<MoveRequest> assign(List<ConnectionRecord> ordered, Map<String, Double> predicted,
                                    List<ServerInfo> candidates, Function<String, ServerLoad> load) {
        List<ConnectionPlacement.Server> servers = candidates.stream().map(c -> {
            ServerLoad l = load.apply(c.id());
            return new ConnectionPlacement.Server(c.id(), l.predictedRate(), l.connections());
        }).toList();
        Map<String, String> plan = ConnectionPlacement.assign(ordered.stream().map(ConnectionRecord::connectionId)
                .toList(), id -> predicted.getOrDefault(id, 0.0), servers);
        return plan.entrySet().stream().map(e -> new MoveRequest(e.getKey(), e.getValue())).toList();
    }
}
