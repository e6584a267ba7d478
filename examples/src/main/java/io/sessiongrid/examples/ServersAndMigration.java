package io.sessiongrid.examples;

import io.sessiongrid.SessionGrid;
import io.sessiongrid.migration.DrainResult;
import io.sessiongrid.migration.MoveResult;

/** README, "Servers and connection migration". */
public final class ServersAndMigration {
    private ServersAndMigration() {
    }

    static void use(SessionGrid grid, String otherServerId, String serverId) {
grid.connections().opened("conn-1", "s-42");                      // owned by this node's server
grid.migrations().addListener(event -> { /* ConnectionMovedAway: redirect the client; ExpectConnection ... */ });
MoveResult r = grid.migrations().migrateConnection("conn-1", otherServerId);   // same from members and clients
DrainResult d = grid.migrations().drain(serverId);                 // then shut that server down
grid.servers().load(serverId);                                     // connections, recent and predicted usage, health
    }
}
