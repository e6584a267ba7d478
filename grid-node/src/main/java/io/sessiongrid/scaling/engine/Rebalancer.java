package io.sessiongrid.scaling.engine;

import io.sessiongrid.scaling.engine.ConnectionMover.ConnectionLoad;
import io.sessiongrid.scaling.engine.ConnectionMover.Move;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which connections move onto new servers: pure. Until each new server carries the mean predicted load, take
 * from the currently most loaded old server its connection with the highest predicted usage that still fits
 * under the mean, and move it. With no prediction at all (no health scores yet: the analyzer warming up) every
 * connection weighs one, so the new servers still get their share of connections. Stops when no old server is above the mean or nothing fits; O(moves &times;
 * servers + connections log connections).
 */
public final class Rebalancer {

    private Rebalancer() {
    }

    /**
     * @param byServer every ready server's connections (new servers included, possibly with none)
     * @param targets  the new servers
     * @return the moves, in the order they were chosen
     */
    public static List<Move> plan(Map<String, List<ConnectionLoad>> byServer, Set<String> targets) {
        if (byServer.values().stream().flatMap(List::stream).allMatch(c -> c.predictedUsage() <= 0)) {
            Map<String, List<ConnectionLoad>> counted = new java.util.LinkedHashMap<>();
            byServer.forEach((id, cs) -> counted.put(id, cs.stream()
                    .map(c -> new ConnectionLoad(c.connectionId(), 1)).toList()));
            byServer = counted;
        }
        Map<String, Double> load = new HashMap<>();
        Map<String, List<ConnectionLoad>> pool = new HashMap<>();
        double total = 0;
        for (Map.Entry<String, List<ConnectionLoad>> e : byServer.entrySet()) {
            double sum = e.getValue().stream().mapToDouble(ConnectionLoad::predictedUsage).sum();
            load.put(e.getKey(), sum);
            total += sum;
            List<ConnectionLoad> sorted = new ArrayList<>(e.getValue());
            sorted.sort(Comparator.comparingDouble(ConnectionLoad::predictedUsage).reversed());
            pool.put(e.getKey(), sorted);
        }
        if (byServer.isEmpty()) {
            return List.of();
        }
        double mean = total / byServer.size();
        List<Move> moves = new ArrayList<>();
        for (String target : targets) {
            if (!load.containsKey(target)) {
                continue;
            }
            while (load.get(target) < mean) {
                String source = load.entrySet().stream()
                        .filter(e -> !targets.contains(e.getKey()) && e.getValue() > mean)
                        .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
                if (source == null) {
                    break;
                }
                double room = Math.min(mean - load.get(target), load.get(source) - mean);
                ConnectionLoad pick = pool.get(source).stream().filter(c -> c.predictedUsage() > 0 && c.predictedUsage() <= room)
                        .findFirst().orElse(null);
                if (pick == null) {
                    break;
                }
                pool.get(source).remove(pick);
                load.merge(source, -pick.predictedUsage(), Double::sum);
                load.merge(target, pick.predictedUsage(), Double::sum);
                moves.add(new Move(pick.connectionId(), target));
            }
        }
        return moves;
    }
}
