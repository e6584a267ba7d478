package io.sessiongrid.scaling.engine;

import io.sessiongrid.analyzer.HealthScore;
import io.sessiongrid.migration.Migrations;
import io.sessiongrid.migration.MoveRequest;
import io.sessiongrid.migration.MoveResult;
import io.sessiongrid.servers.ConnectionOwnership;
import io.sessiongrid.servers.ServerRegistry;
import io.sessiongrid.servers.ServerState;

import java.util.List;
import java.util.Map;

/** Connections and their predicted usage from the registry and health scores; moves through the migration service. */
public final class MigrationMover implements ConnectionMover {
    private final ServerRegistry registry;
    private final Migrations migrations;

    public MigrationMover(ServerRegistry registry, Migrations migrations) {
        this.registry = registry;
        this.migrations = migrations;
    }

    @Override
    public List<ConnectionLoad> connections(String serverId) {
        Map<String, HealthScore> scores = registry.healthScores(serverId);
        return registry.connections(serverId).stream()
                .filter(c -> c.phase() == ConnectionOwnership.Phase.OWNED)
                .map(c -> {
                    HealthScore s = scores.get(c.connectionId());
                    return new ConnectionLoad(c.connectionId(), s == null ? 0 : Math.max(0, s.predictedRate()));
                }).toList();
    }

    @Override
    public int move(List<Move> moves) {
        List<MoveRequest> requests = moves.stream().map(m -> new MoveRequest(m.connectionId(), m.target())).toList();
        return (int) migrations.migrateConnections(requests).stream().filter(MoveResult::completed).count();
    }

    @Override
    public boolean canTake(String source, String target) {
        var from = registry.server(source);
        var to = registry.server(target);
        return from.isEmpty() || to.isEmpty() || to.get().partitions().containsAll(from.get().partitions());
    }

    @Override
    public boolean moving(String serverId) {
        return registry.connections(serverId).stream().anyMatch(c -> c.phase() == ConnectionOwnership.Phase.MOVING
                || c.phase() == ConnectionOwnership.Phase.ACCEPTING);
    }

    @Override
    public void markDraining(String serverId) {
        registry.setState(serverId, ServerState.DRAINING);
    }

    @Override
    public int drain(String serverId) {
        return (int) migrations.drain(serverId).remaining();
    }
}
