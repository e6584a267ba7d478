package io.sessiongrid.scaling.engine;

import io.sessiongrid.scaling.engine.ConnectionMover.ConnectionLoad;
import io.sessiongrid.scaling.engine.ConnectionMover.Move;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RebalancerTest {

    @Test
    void movesTheHighestPredictedUsageFirstFromTheMostLoadedServer() {
        Map<String, List<ConnectionLoad>> byServer = Map.of(
                "a", List.of(c("a1", 50), c("a2", 30), c("a3", 20)),   // 100
                "b", List.of(c("b1", 20), c("b2", 20)),                // 40
                "new", List.of());
        // mean 140 / 3 = 46.7: a gives its biggest connection that fits (30: 50 would overshoot the mean).
        List<Move> moves = Rebalancer.plan(byServer, Set.of("new"));
        assertEquals(List.of(new Move("a2", "new")), moves.subList(0, 1));
        double moved = moves.stream().mapToDouble(m -> usage(byServer, m.connectionId())).sum();
        assertTrue(moved <= 140 / 3.0 + 1e-9, "never above the mean on the new server: " + moved);
        assertTrue(moves.stream().noneMatch(m -> m.connectionId().startsWith("b")), "b is under the mean");
    }

    @Test
    void nothingMovesWhenLoadIsBalanced() {
        assertEquals(List.of(), Rebalancer.plan(Map.of("a", List.of(c("a1", 10)), "b", List.of(c("b1", 10))),
                Set.of("b")));
    }

    @Test
    void withoutAnyPredictionConnectionsAreSharedByCount() {
        // No health scores yet (the analyzer warming up): a new server still gets its share, one each.
        List<Move> moves = Rebalancer.plan(Map.of("a", List.of(c("a1", 0), c("a2", 0), c("a3", 0), c("a4", 0)),
                "new", List.of()), Set.of("new"));
        assertEquals(2, moves.size(), "4 connections on 2 servers: 2 move");
        assertTrue(moves.stream().allMatch(m -> m.target().equals("new")));
    }

    private static ConnectionLoad c(String id, double usage) {
        return new ConnectionLoad(id, usage);
    }

    private static double usage(Map<String, List<ConnectionLoad>> byServer, String id) {
        return byServer.values().stream().flatMap(List::stream).filter(c -> c.connectionId().equals(id))
                .mapToDouble(ConnectionLoad::predictedUsage).findFirst().orElseThrow();
    }
}
