package io.sessiongrid.migration.internal;

import io.sessiongrid.migration.MoveRequest;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.servers.ServerLoad;
import io.sessiongrid.servers.internal.ConnectionRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Where a drain sends each connection: in the given order (highest predicted usage first), each to the candidate
 * with the least load so far: predicted request rate, then connection count (so unscored connections spread too).
 * Pure.
 */
final class DrainPlan {
    private DrainPlan() {
    }

    private static final class Slot {
        final String id;
        double predicted;
        int connections;

        Slot(String id, double predicted, int connections) {
            this.id = id;
            this.predicted = predicted;
            this.connections = connections;
        }
    }

    static List<MoveRequest> assign(List<ConnectionRecord> ordered, Map<String, Double> predicted,
                                    List<ServerInfo> candidates, Function<String, ServerLoad> load) {
        PriorityQueue<Slot> slots = new PriorityQueue<>(Comparator.<Slot>comparingDouble(s -> s.predicted)
                .thenComparingInt(s -> s.connections).thenComparing(s -> s.id));
        for (ServerInfo c : candidates) {
            ServerLoad l = load.apply(c.id());
            slots.add(new Slot(c.id(), l.predictedRate(), l.connections()));
        }
        List<MoveRequest> out = new ArrayList<>(ordered.size());
        for (ConnectionRecord r : ordered) {
            Slot least = slots.poll();
            out.add(new MoveRequest(r.connectionId(), least.id));
            least.predicted += predicted.getOrDefault(r.connectionId(), 0.0);
            least.connections++;
            slots.add(least);
        }
        return out;
    }
}
