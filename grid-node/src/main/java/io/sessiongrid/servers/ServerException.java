package io.sessiongrid.servers;

/** A request about servers or connections that cannot be done as asked; nothing was changed. */
public class ServerException extends RuntimeException {
    public ServerException(String message) {
        super(message);
    }
}
