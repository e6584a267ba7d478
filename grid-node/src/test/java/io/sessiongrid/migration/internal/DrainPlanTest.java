package io.sessiongrid.migration.internal;

import io.sessiongrid.migration.MoveRequest;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.servers.ServerKind;
import io.sessiongrid.servers.ServerLoad;
import io.sessiongrid.servers.ServerState;
import io.sessiongrid.servers.internal.ConnectionRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where a drain sends each connection (pure). */
class DrainPlanTest {

    private static ServerInfo server(String id) {
        return new ServerInfo(id, "shop", List.of("auth", "cart"), ServerKind.DATA_MEMBER, id + ":1", ServerState.READY,
                Instant.EPOCH);
    }

    private static ConnectionRecord connection(String id) {
        return ConnectionRecord.opened(id, "s-" + id, "drained", 0);
    }

    @Test
    void theBusiestConnectionsGoFirstEachToTheLeastLoadedServer() {
        Map<String, ServerLoad> loads = Map.of(
                "a", new ServerLoad("a", 10, 0, 5.0, 10, 50),
                "b", new ServerLoad("b", 0, 0, 0.0, 0, Double.NaN));
        Map<String, Double> predicted = Map.of("c1", 4.0, "c2", 2.0, "c3", 0.5);
        List<MoveRequest> plan = DrainPlan.assign(List.of(connection("c1"), connection("c2"), connection("c3")),
                predicted, List.of(server("a"), server("b")), loads::get);
        // b starts empty: it takes c1 (b=4); a (5) vs b (4): b takes c2 (b=6); then a (5) takes c3.
        assertEquals(List.of(new MoveRequest("c1", "b"), new MoveRequest("c2", "b"), new MoveRequest("c3", "a")), plan);
    }

    @Test
    void unscoredConnectionsSpreadByCount() {
        Map<String, ServerLoad> loads = Map.of(
                "a", new ServerLoad("a", 0, 0, 0, 0, Double.NaN),
                "b", new ServerLoad("b", 0, 0, 0, 0, Double.NaN));
        List<MoveRequest> plan = DrainPlan.assign(List.of(connection("c1"), connection("c2"), connection("c3"),
                connection("c4")), Map.of(), List.of(server("a"), server("b")), loads::get);
        assertEquals(2, plan.stream().filter(m -> m.targetServer().equals("a")).count());
        assertEquals(2, plan.stream().filter(m -> m.targetServer().equals("b")).count());
    }
}
