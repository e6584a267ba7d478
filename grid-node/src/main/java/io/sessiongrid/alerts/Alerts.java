package io.sessiongrid.alerts;

import java.util.Set;

/** A node's alerts: register listeners, see what fires now. */
public interface Alerts {

    /** Adds a listener; closing the returned handle removes it. */
    AutoCloseable addListener(AlertListener listener);

    /** The alerts firing now. */
    Set<AlertKind> firing();
}
