package io.sessiongrid.migration;

import io.sessiongrid.servers.ServerException;

/** A move that cannot be made as asked; nothing was changed. */
public class MigrationException extends ServerException {
    public MigrationException(String message) {
        super(message);
    }
}
