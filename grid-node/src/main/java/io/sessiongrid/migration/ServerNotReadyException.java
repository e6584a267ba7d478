package io.sessiongrid.migration;

import io.sessiongrid.servers.ServerState;

/** The target server exists but does not take moves in its state. */
public class ServerNotReadyException extends MigrationException {
    public ServerNotReadyException(String serverId, ServerState state) {
        super("server '" + serverId + "' is " + state + "; only READY servers take moved connections");
    }
}
