package io.sessiongrid.session;

/** A null, blank, oversized or malformed session id, partition name or element name. */
public class InvalidNameException extends SessionStoreException {
    public InvalidNameException(String message) {
        super(message);
    }
}
