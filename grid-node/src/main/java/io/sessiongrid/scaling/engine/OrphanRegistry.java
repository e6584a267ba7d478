package io.sessiongrid.scaling.engine;

import io.sessiongrid.servers.ConnectionOwnership;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Connections whose server died, and how one gets an owner again (the connection registry). */
public interface OrphanRegistry {

    /**
     * Connections without a live owner: those the registry marked orphaned, and those still owned by a server that
     * is gone (a move that completed onto a server just as it died can land there after the clean-up ran); an
     * implementation may hold a connection back for a while, leaving it to its application's reconnect.
     */
    List<ConnectionOwnership> orphans();

    /**
     * Makes each server the owner of its orphan unless the entry changed since it was read (the application
     * reopened or closed it).
     *
     * @param newOwners each orphan, as {@link #orphans()} read it, and the server to own it
     * @return the ids of the connections now owned by their new owner
     */
    Set<String> adopt(Map<ConnectionOwnership, String> newOwners);
}
