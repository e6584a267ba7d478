package io.sessiongrid.scaling.engine;

import io.sessiongrid.servers.ConnectionOwnership;

import java.util.List;

/** Connections whose server died, and how one gets an owner again (the connection registry). */
public interface OrphanRegistry {

    /**
     * Connections without a live owner: those the registry marked orphaned, and those still owned by a server that
     * is gone (a move that completed onto a server just as it died can land there after the clean-up ran).
     */
    List<ConnectionOwnership> orphans();

    /**
     * Makes {@code server} the owner of {@code orphan} unless the entry changed since it was read (the application
     * reopened or closed it).
     *
     * @return whether {@code server} now owns it
     */
    boolean adopt(ConnectionOwnership orphan, String server);
}
