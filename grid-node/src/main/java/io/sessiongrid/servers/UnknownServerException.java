package io.sessiongrid.servers;

import java.util.Collection;

/** No registered server has this id. */
public class UnknownServerException extends ServerException {
    private final String serverId;

    public UnknownServerException(String serverId, Collection<String> known) {
        super("unknown server '" + serverId + "'; registered servers: " + known);
        this.serverId = serverId;
    }

    public String serverId() {
        return serverId;
    }
}
