package io.sessiongrid.migration;

/** Hears the moves of this node's connections; see {@link MoveEvent}. */
@FunctionalInterface
public interface MoveListener {
    void onMove(MoveEvent event);
}
