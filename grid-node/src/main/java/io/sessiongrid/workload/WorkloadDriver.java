package io.sessiongrid.workload;

import io.sessiongrid.SessionGrid;
import io.sessiongrid.analyzer.ConnectionTracker;
import io.sessiongrid.session.SessionStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Plays the application's clients: creates sessions with a partition of each given type and opens one connection
 * per session on a server (registering that server as the connection's owner), and checks afterwards that every
 * session still holds what it was created with. Used by {@code start --connections N} (the server opens them on
 * itself), by tests and benchmarks (which open them on the servers they want). The serving itself is
 * {@link WorkloadServer}'s: it adopts the connections the registry gives its server.
 *
 * <p>Names: session {@code <prefix>-s<i>}, connection {@code <prefix>-c<i>}; each partition starts with the element
 * {@code seed = <prefix>-<i>}, which the workload's writes never touch ({@link #verify}).
 */
public final class WorkloadDriver {
    private WorkloadDriver() {
    }

    public static String sessionId(String prefix, int i) {
        return prefix + "-s" + i;
    }

    public static String connectionId(String prefix, int i) {
        return prefix + "-c" + i;
    }

    /**
     * Creates {@code count} sessions holding {@code types} and opens their connections on {@code serverId} (empty:
     * this node's server).
     *
     * @return the connection ids, in order
     */
    public static List<String> open(SessionGrid grid, String serverId, String prefix, int count,
                                    Collection<String> types) {
        return open(grid.sessions(), grid.connections(), serverId, prefix, count, types);
    }

    /** As {@link #open(SessionGrid, String, String, int, Collection)} with a node's store and server tracker. */
    public static List<String> open(SessionStore sessions, ConnectionTracker tracker, String serverId, String prefix,
                                    int count, Collection<String> types) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        List<String> connections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String session = sessionId(prefix, i);
            for (String type : types) {
                sessions.set(session, type, Map.of("seed", prefix + "-" + i));
            }
            String connection = connectionId(prefix, i);
            tracker.opened(connection, session, serverId);
            connections.add(connection);
        }
        return connections;
    }

    /** How many of the {@code count} sessions still hold their seed element in every one of {@code types}. */
    public static int verify(SessionStore sessions, String prefix, int count, Collection<String> types) {
        int intact = 0;
        for (int i = 0; i < count; i++) {
            String session = sessionId(prefix, i);
            String seed = prefix + "-" + i;
            boolean ok = true;
            for (String type : types) {
                ok &= sessions.get(session, type).flatMap(p -> p.element("seed")).map(seed::equals).orElse(false);
            }
            if (ok) {
                intact++;
            }
        }
        return intact;
    }
}
