package io.sessiongrid.servers;

import io.sessiongrid.analyzer.HealthScore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The cluster's servers and which server owns each connection. The same on members and clients; thread-safe.
 * Servers register themselves when their node starts and leave when it shuts down; a server whose member or
 * client dies is removed by the cluster (member and client removal listeners), and the connections it owned are
 * marked {@link ConnectionOwnership.Phase#ORPHANED} and reported to {@link #addOrphanListener orphan listeners}.
 */
public interface ServerRegistry {

    /** This node's server entry, if this node is a server. */
    Optional<ServerInfo> local();

    /** A server by id. */
    Optional<ServerInfo> server(String serverId);

    /** Every registered server, oldest registration first. */
    List<ServerInfo> servers();

    /**
     * Sets this node's server state (e.g. {@link ServerState#DRAINING} before a drain, {@link ServerState#READY}
     * to take moves again).
     *
     * @throws ServerException if this node is not a server
     */
    void setLocalState(ServerState state);

    /** Sets a server's state from anywhere (the scaling engine marks the server it drains). */
    void setState(String serverId, ServerState state);

    /** Who owns a connection. */
    Optional<ConnectionOwnership> connection(String connectionId);

    /** The connections a server owns (in any phase but orphaned). */
    List<ConnectionOwnership> connections(String serverId);

    /** Connections whose server died, until they are reopened elsewhere or closed. */
    List<ConnectionOwnership> orphans();

    /**
     * Gives connections whose server died to new owners (the scaling engine re-homes orphans this way; each new
     * owner's application adopts its connections as if they had been opened there). Each applies only if its entry
     * is still what the given {@link ConnectionOwnership} says (same owner and version, orphaned or owned): a
     * connection the application reopened or closed meanwhile is left alone. The entries are updated in parallel
     * (pipelined), not one round trip after another.
     *
     * @param newOwners each orphan, as read, and the id of the server to own it
     * @return the ids of the connections now owned by their new owner
     * @throws UnknownServerException if a new owner is not a registered server (nothing was changed)
     */
    Set<String> adopt(Map<ConnectionOwnership, String> newOwners);

    /** What a server carries: connections, recent and predicted usage, health. */
    ServerLoad load(String serverId);

    /** The latest health scores of a server's connections, by connection id. */
    Map<String, HealthScore> healthScores(String serverId);

    /** Calls {@code listener} on this node for each connection that becomes orphaned; returns an id to remove it. */
    String addOrphanListener(Consumer<ConnectionOwnership> listener);

    boolean removeOrphanListener(String id);
}
