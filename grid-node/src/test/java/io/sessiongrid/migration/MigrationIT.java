package io.sessiongrid.migration;

import com.hazelcast.map.IMap;
import com.hazelcast.nearcache.NearCacheStats;
import com.hazelcast.sql.SqlResult;
import com.hazelcast.sql.SqlRow;
import io.sessiongrid.SessionGrid;
import io.sessiongrid.servers.ConnectionOwnership;
import io.sessiongrid.servers.ServerKind;
import io.sessiongrid.servers.ServerState;
import io.sessiongrid.servers.UnknownConnectionException;
import io.sessiongrid.servers.UnknownServerException;
import io.sessiongrid.servers.internal.ServerMaps;
import io.sessiongrid.servers.internal.ServerRecord;
import io.sessiongrid.session.SessionStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.sessiongrid.migration.MigrationCluster.id;
import static io.sessiongrid.migration.MigrationCluster.seed;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Moves between real servers: three data members, a lite member and two clients (one in a role that needs fewer
 * partition types). The registry, selective replay to a lite member, listeners, move records and bad input.
 */
class MigrationIT extends MigrationTestBase {
    static SessionGrid edge;

    @BeforeAll
    static void startEdge() {
        edge = cluster.client("edge");
    }

    @Test
    void everyNodeIsARegisteredReadyServer() {
        await().untilAsserted(() -> assertEquals(6, client.servers().servers().size()));
        assertEquals(ServerKind.LITE_MEMBER, client.servers().server(id(lite)).orElseThrow().kind());
        assertEquals(ServerKind.CLIENT, d1.servers().server(id(edge)).orElseThrow().kind());
        assertEquals(List.of("auth"), d1.servers().server(id(edge)).orElseThrow().partitions());
        assertTrue(client.servers().servers().stream().allMatch(s -> s.state() == ServerState.READY));
        assertEquals(id(d1), d1.servers().local().orElseThrow().id());
    }

    @Test
    void aMoveToALiteMemberCopiesExactlyItsRolesPartitionsAndTellsBothSides() {
        Map<String, Map<String, String>> data = seed(d2, "s-lite", 8);
        d1.connections().opened("c-lite", "s-lite");
        assertEquals(id(d1), client.servers().connection("c-lite").orElseThrow().server());
        List<MoveEvent> atSource = new CopyOnWriteArrayList<>();
        List<MoveEvent> atTarget = new CopyOnWriteArrayList<>();
        String s = d1.migrations().addListener(atSource::add);
        String t = lite.migrations().addListener(atTarget::add);

        MoveResult result = client.migrations().migrateConnection("c-lite", id(lite));

        assertEquals(MoveOutcome.COMPLETED, result.outcome(), result::toString);
        assertEquals(id(d1), result.source());
        // shop-server needs auth and cart: 2 of the session's 4 partitions, and exactly their bytes.
        assertEquals(2, result.partitionsFetched());
        assertEquals(json(data.get("auth")) + json(data.get("cart")), result.bytesFetched());
        ConnectionOwnership owner = d3.servers().connection("c-lite").orElseThrow();
        assertEquals(id(lite), owner.server());
        assertEquals(ConnectionOwnership.Phase.OWNED, owner.phase());

        // The lite member holds a warm copy of cart and auth, and keeps none of game (not its role's).
        assertNull(nearCache(lite, "game"), "no Near Cache on a type the role does not need");
        NearCacheStats cart = nearCache(lite, "cart");
        long hits = cart.getHits();
        long misses = cart.getMisses();
        assertEquals(data.get("cart"), lite.sessions().get("s-lite", "cart").orElseThrow().elements());
        assertEquals(hits + 1, nearCache(lite, "cart").getHits(), "the first read after the move is local");
        assertEquals(misses, nearCache(lite, "cart").getMisses());

        await().untilAsserted(() -> {
            assertEquals(List.of(MoveEvent.ExpectConnection.class, MoveEvent.ConnectionArrived.class),
                    atTarget.stream().map(Object::getClass).toList());
            assertEquals(1, atSource.size());
        });
        MoveEvent.ConnectionMovedAway away = assertInstanceOf(MoveEvent.ConnectionMovedAway.class, atSource.get(0));
        assertEquals(id(lite), away.target());
        assertEquals(lite.servers().local().orElseThrow().redirectAddress(), away.redirectAddress());
        d1.migrations().removeListener(s);
        lite.migrations().removeListener(t);

        // The move record, through SQL on a data member.
        await().untilAsserted(() -> {
            try (SqlResult rows = d2.hazelcast().getSql().execute("SELECT outcome, bytesFetched, partitionsFetched, "
                    + "target FROM \"sessiongrid.moves\" WHERE connectionId = 'c-lite'")) {
                SqlRow row = rows.iterator().next();
                assertEquals("COMPLETED", row.getObject("outcome"));
                assertEquals(result.bytesFetched(), (long) row.getObject("bytesFetched"));
                assertEquals(id(lite), row.getObject("target"));
            }
        });
    }

    @Test
    void badMovesAreRefusedWithNothingChanged() {
        seed(d1, "s-bad", 2);
        d1.connections().opened("c-bad", "s-bad");
        long version = d1.servers().connection("c-bad").orElseThrow().version();
        Migrations m = client.migrations();

        assertThrows(UnknownConnectionException.class, () -> m.migrateConnection("c-nobody", id(d2)));
        UnknownServerException unknown = assertThrows(UnknownServerException.class,
                () -> m.migrateConnection("c-bad", "no-such-server"));
        assertTrue(unknown.getMessage().contains(id(d2)), unknown::getMessage);
        RoleMismatchException role = assertThrows(RoleMismatchException.class, () -> m.migrateConnection("c-bad", id(edge)));
        assertEquals(List.of("cart"), List.copyOf(role.missing()), role::getMessage);
        assertTrue(role.getMessage().contains("'edge'"), role::getMessage);

        d1.servers().setState(id(d2), ServerState.DRAINING);
        try {
            assertThrows(ServerNotReadyException.class, () -> m.migrateConnection("c-bad", id(d2)));
        } finally {
            d1.servers().setState(id(d2), ServerState.READY);
        }
        assertThrows(UnknownConnectionException.class, () -> m.migrateConnections(List.of(
                new MoveRequest("c-bad", id(d3)), new MoveRequest("c-nobody", id(d3)))));
        assertEquals(MoveOutcome.NO_OP, m.migrateConnection("c-bad", id(d1)).outcome());
        ConnectionOwnership after = client.servers().connection("c-bad").orElseThrow();
        assertEquals(version, after.version(), "no refused move changed the entry");
        assertEquals(id(d1), after.server());

        // A session that holds none of the types the edge role lacks may move there.
        d1.sessions().set("s-auth-only", "auth", Map.of("token", "t"));
        d1.connections().opened("c-auth-only", "s-auth-only");
        assertEquals(MoveOutcome.COMPLETED, m.migrateConnection("c-auth-only", id(edge)).outcome());
    }

    @Test
    void aMoveWhoseTargetNeverAcceptsRollsBackAndBlocksOtherMovesMeanwhile() throws Exception {
        seed(d1, "s-ghost", 2);
        d1.connections().opened("c-ghost", "s-ghost");
        // A registered server that no node runs: it never accepts.
        IMap<String, ServerRecord> servers = d1.hazelcast().getMap(ServerMaps.SERVERS);
        long now = System.currentTimeMillis();
        servers.set("ghost", new ServerRecord("ghost", "ghost-instance", "shop-server", "auth,cart", "CLIENT",
                "ghost:1", "READY", now, now, 0));
        List<MoveEvent> atSource = new CopyOnWriteArrayList<>();
        String listener = d1.migrations().addListener(atSource::add);
        try {
            CompletableFuture<MoveResult> move = CompletableFuture.supplyAsync(
                    () -> client.migrations().migrateConnection("c-ghost", "ghost"));
            await().until(() -> d2.servers().connection("c-ghost").orElseThrow().phase() == ConnectionOwnership.Phase.MOVING);
            assertEquals("ghost", d2.servers().connection("c-ghost").orElseThrow().moveTarget());
            assertThrows(ConnectionAlreadyMovingException.class, () -> d3.migrations().migrateConnection("c-ghost", id(lite)));

            MoveResult result = move.get();
            assertEquals(MoveOutcome.ROLLED_BACK, result.outcome());
            assertTrue(result.reason().contains("moveTimeout"), result.reason());
            assertEquals(id(d1), client.servers().connection("c-ghost").orElseThrow().server());
            await().untilAsserted(() -> assertTrue(atSource.stream().anyMatch(e -> e instanceof MoveEvent.MoveRolledBack)));
            IMap<String, MoveRecord> moves = d1.hazelcast().getMap(Migrations.MOVES_MAP);
            await().untilAsserted(() -> assertEquals("ROLLED_BACK", moves.get(result.moveId()).outcome()));
            // and it moves normally afterwards
            assertEquals(MoveOutcome.COMPLETED, client.migrations().migrateConnection("c-ghost", id(lite)).outcome());
        } finally {
            d1.migrations().removeListener(listener);
            servers.delete("ghost");
        }
    }

    @Test
    void loadAndOwnershipArePerServer() {
        for (int i = 0; i < 5; i++) {
            d3.connections().opened("c-load-" + i, "s-load-" + i);
        }
        assertTrue(client.servers().connections(id(d3)).stream().map(ConnectionOwnership::connectionId).toList()
                .containsAll(List.of("c-load-0", "c-load-4")));
        assertTrue(client.servers().load(id(d3)).connections() >= 5);
        d3.connections().closed("c-load-4");
        assertTrue(client.servers().connection("c-load-4").isEmpty(), "closing on the owner removes the entry");
        assertThrows(UnknownServerException.class, () -> d3.connections().opened("c-x", "s-x", "not-a-server"));
        d3.connections().opened("c-behalf", "s-behalf", id(d2));
        assertEquals(id(d2), client.servers().connection("c-behalf").orElseThrow().server());
    }

    private static NearCacheStats nearCache(SessionGrid node, String type) {
        return node.hazelcast().getMap(SessionStores.mapName(type)).getLocalMapStats().getNearCacheStats();
    }

    private static long json(Map<String, String> elements) {
        StringBuilder b = new StringBuilder("{");
        elements.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8).length;
    }

}
