package io.sessiongrid.migration.internal;

import io.sessiongrid.migration.MoveOutcome;
import io.sessiongrid.migration.MoveRequest;
import io.sessiongrid.migration.MoveResult;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.servers.ServerKind;
import io.sessiongrid.servers.ServerState;
import io.sessiongrid.servers.internal.ConnectionRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a drain does with a request the registry changed under between its plan and its move. */
class DrainRaceTest {
    private static final MoveRequest REQUEST = new MoveRequest("c-1", "b");
    private static final ConnectionRecord OWNED_BY_A = ConnectionRecord.opened("c-1", "s-1", "a", 0);

    private static ServerInfo server(String id, ServerState state) {
        return new ServerInfo(id, "edge", List.of("auth"), ServerKind.LITE_MEMBER, null, state, Instant.EPOCH, null);
    }

    @Test
    void anUnchangedRequestGoesOn() {
        assertNull(HazelcastMigrations.raceRefusal(REQUEST, OWNED_BY_A, server("b", ServerState.READY)));
    }

    @Test
    void aConnectionClosedMeanwhileIsRefusedNotFatal() {
        MoveResult r = HazelcastMigrations.raceRefusal(REQUEST, null, server("b", ServerState.READY));
        assertEquals(MoveOutcome.REFUSED, r.outcome());
        assertEquals("c-1", r.connectionId());
        assertEquals("the connection was closed before its move began", r.reason());
    }

    @Test
    void aTargetThatLeftOrStoppedBeingReadyIsRefused() {
        assertEquals("target server 'b' left before the move began",
                HazelcastMigrations.raceRefusal(REQUEST, OWNED_BY_A, null).reason());
        assertEquals("target server 'b' is DRAINING, no longer READY",
                HazelcastMigrations.raceRefusal(REQUEST, OWNED_BY_A, server("b", ServerState.DRAINING)).reason());
    }

    @Test
    void aConnectionAlreadyMovingIsRefused() {
        ConnectionRecord moving = new ConnectionRecord("c-1", "s-1", "a", 2, "MOVING", "c", "m-1", "coordinator", 0,
                10_000, null, null, 0, 0, null, 0);
        assertEquals("another move of it began first",
                HazelcastMigrations.raceRefusal(REQUEST, moving, server("b", ServerState.READY)).reason());
    }
}
