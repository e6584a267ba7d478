package io.sessiongrid.provision;

/** The platform refused or failed a provisioning request; the message says what and where. */
public class ProvisionException extends RuntimeException {
    public ProvisionException(String message) {
        super(message);
    }

    public ProvisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
