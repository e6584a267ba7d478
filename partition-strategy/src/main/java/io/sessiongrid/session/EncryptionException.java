package io.sessiongrid.session;

/** A missing or wrong encryption key: an encrypted partition is never returned as garbage. */
public class EncryptionException extends SessionStoreException {
    public EncryptionException(String message) {
        super(message);
    }

    public EncryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
