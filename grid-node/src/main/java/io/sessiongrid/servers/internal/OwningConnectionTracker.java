package io.sessiongrid.servers.internal;

import io.sessiongrid.analyzer.ConnectionTracker;
import io.sessiongrid.servers.ServerException;
import io.sessiongrid.servers.UnknownServerException;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A server's connection tracker: the analyzer's tracker, plus ownership in the connection registry. Opening a
 * connection registers this server (or the named one) as its owner; closing it removes the entry if that server
 * still owns it. Requests on the connections this server owns are counted for its recent request rate.
 */
public final class OwningConnectionTracker implements ConnectionTracker {
    private final ConnectionTracker analyzer;
    private final HazelcastServerRegistry registry;
    private final String localId;
    /** Connections opened through this tracker: id -> {session, server named, owner the registry holds}. */
    private final ConcurrentHashMap<String, String[]> open = new ConcurrentHashMap<>();
    private final LongAdder ownRequests = new LongAdder();

    public OwningConnectionTracker(ConnectionTracker analyzer, HazelcastServerRegistry registry, String localId) {
        this.analyzer = analyzer;
        this.registry = registry;
        this.localId = localId;
    }

    /** Registers this server as the connection's owner. */
    @Override
    public void opened(String connectionId, String sessionId) {
        if (localId == null) {
            throw new ServerException("this node is not a server: name the server that serves connection '"
                    + connectionId + "' with opened(connectionId, sessionId, serverId)");
        }
        open(connectionId, sessionId, localId);
    }

    /**
     * Registers {@code server} as the connection's owner, for applications that report on behalf of another
     * server; an empty or null server means this one.
     *
     * @throws UnknownServerException if no server has that id
     */
    @Override
    public void opened(String connectionId, String sessionId, String server) {
        if (server == null || server.isEmpty()) {
            opened(connectionId, sessionId);
            return;
        }
        if (!server.equals(localId) && registry.server(server).isEmpty()) {
            throw new UnknownServerException(server, registry.servers().stream().map(s -> s.id()).toList());
        }
        open(connectionId, sessionId, server);
    }

    private void open(String connectionId, String sessionId, String server) {
        analyzer.opened(connectionId, sessionId, server); // validates the ids before anything is registered
        ConnectionRecord owned;
        try {
            owned = registry.registerOwnership(connectionId, sessionId, server);
        } catch (RuntimeException e) {
            analyzer.closed(connectionId); // not registered: the analyzer must not count it as open either
            throw e;
        }
        // A connection in the middle of a move keeps its owner: its requests count for that server, not this one.
        open.put(connectionId, new String[] {sessionId, server, owned == null ? server : owned.server()});
    }

    @Override
    public void request(String connectionId, String apiCall, long bytesIn, long bytesOut, long latencyMicros,
                        boolean error) {
        analyzer.request(connectionId, apiCall, bytesIn, bytesOut, latencyMicros, error);
        String[] c = open.get(connectionId);
        if (c != null && c[2].equals(localId)) {
            ownRequests.increment();
        }
    }

    @Override
    public void closed(String connectionId) {
        analyzer.closed(connectionId);
        String[] c = open.remove(connectionId);
        if (c != null) {
            registry.closeOwnership(connectionId, c[0], c[1]);
        }
    }

    /** Requests recorded on this server's own connections since it started (monotonic). */
    public long ownRequests() {
        return ownRequests.sum();
    }

    @Override
    public void flush() {
        analyzer.flush();
    }

    @Override
    public int openConnections() {
        return analyzer.openConnections();
    }

    @Override
    public long unknownConnectionEvents() {
        return analyzer.unknownConnectionEvents();
    }

    @Override
    public long failedFlushes() {
        return analyzer.failedFlushes();
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
