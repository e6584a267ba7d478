package io.sessiongrid.migration;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.ToDoubleFunction;

/**
 * Where connections go when several servers may take them: pure and greedy. In the given order, each connection
 * goes to the server with the least load so far, ties broken by fewest connections, then id; the server then
 * carries the connection's weight and one more connection. A drain places a leaving server's connections this way
 * (weight: each connection's predicted usage), the scaling engine the orphans of a dead server (weight: the
 * servers' mean usage per connection). O(connections log servers).
 */
public final class ConnectionPlacement {

    private ConnectionPlacement() {
    }

    /**
     * A server that may take connections.
     *
     * @param id          the server
     * @param load        what it carries now, in the unit of the weights (e.g. predicted requests/s)
     * @param connections how many connections it owns
     */
    public record Server(String id, double load, int connections) {
    }

    /**
     * @param connections connection ids, in the order they are placed (the heaviest first spreads best)
     * @param weight      the load a connection adds to its server
     * @param servers     where they may go
     * @return connection id to server id, in {@code connections}' order; empty when there is no server
     */
    public static Map<String, String> assign(List<String> connections, ToDoubleFunction<String> weight,
                                             List<Server> servers) {
        Map<String, String> plan = new LinkedHashMap<>();
        if (servers.isEmpty()) {
            return plan;
        }
        PriorityQueue<Slot> queue = new PriorityQueue<>(Comparator.comparingDouble((Slot s) -> s.load)
                .thenComparingInt(s -> s.connections).thenComparing(s -> s.id));
        for (Server s : servers) {
            queue.add(new Slot(s.id(), s.load(), s.connections()));
        }
        for (String connection : connections) {
            Slot least = queue.poll();
            plan.put(connection, least.id);
            least.load += weight.applyAsDouble(connection);
            least.connections++;
            queue.add(least);
        }
        return plan;
    }

    /** A server's running totals while the plan is made. */
    private static final class Slot {
        final String id;
        double load;
        int connections;

        Slot(String id, double load, int connections) {
            this.id = id;
            this.load = load;
            this.connections = connections;
        }
    }
}
