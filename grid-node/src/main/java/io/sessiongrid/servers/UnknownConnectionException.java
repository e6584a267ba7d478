package io.sessiongrid.servers;

/** The connection registry holds no such connection (never opened, closed, or its session expired). */
public class UnknownConnectionException extends ServerException {
    private final String connectionId;

    public UnknownConnectionException(String connectionId) {
        super("unknown connection '" + connectionId + "': no server registered it (open it with "
                + "ConnectionTracker.opened on the server that serves it)");
        this.connectionId = connectionId;
    }

    public String connectionId() {
        return connectionId;
    }
}
