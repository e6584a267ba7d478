package io.sessiongrid.migration;

/** The connection is in the middle of another move. */
public class ConnectionAlreadyMovingException extends MigrationException {
    public ConnectionAlreadyMovingException(String connectionId, String target) {
        super("connection '" + connectionId + "' is already moving to server '" + target
                + "'; wait for that move to complete or roll back");
    }
}
