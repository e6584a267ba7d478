package io.sessiongrid.alerts;

/** Hears alerts raised and cleared on the node it is registered on. Called on the node's scheduler: return quickly. */
@FunctionalInterface
public interface AlertListener {
    void onAlert(Alert alert);
}
