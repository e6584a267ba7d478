package io.sessiongrid.session;

/** The base of every error the session store reports. */
public class SessionStoreException extends RuntimeException {
    public SessionStoreException(String message) {
        super(message);
    }

    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
