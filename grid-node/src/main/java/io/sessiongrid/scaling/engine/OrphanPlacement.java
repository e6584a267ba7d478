package io.sessiongrid.scaling.engine;

import io.sessiongrid.migration.ConnectionPlacement;

import java.util.List;
import java.util.Map;

/**
 * Where orphaned connections go: pure ({@link ConnectionPlacement} with this weighting). Each goes to the candidate with the least predicted load, ties broken by
 * fewest connections, then id; after each placement the candidate carries one more connection and the mean
 * predicted usage per connection of the candidates, so a batch spreads instead of piling onto the quietest
 * server. When no candidate has a prediction (no health scores yet), load is the connection count alone.
 * O(orphans log candidates).
 */
public final class OrphanPlacement {

    private OrphanPlacement() {
    }

    /**
     * A server that may take orphans: ready, not draining, not being retired.
     *
     * @param id            the server
     * @param predictedLoad its connections' predicted usage (requests/s)
     * @param connections   how many connections it owns
     */
    public record Candidate(String id, double predictedLoad, int connections) {
    }

    /**
     * @param orphans    connection ids, in the order they are placed
     * @param candidates where they may go
     * @return connection id to server id, in {@code orphans}' order; empty when there is no candidate
     */
    public static Map<String, String> plan(List<String> orphans, List<Candidate> candidates) {
        double predicted = candidates.stream().mapToDouble(c -> Math.max(0, c.predictedLoad())).sum();
        int connections = candidates.stream().mapToInt(Candidate::connections).sum();
        boolean byPrediction = predicted > 0 && connections > 0;
        double perConnection = byPrediction ? predicted / connections : 1;
        return ConnectionPlacement.assign(orphans, orphan -> perConnection, candidates.stream()
                .map(c -> new ConnectionPlacement.Server(c.id(), byPrediction ? Math.max(0, c.predictedLoad())
                        : c.connections(), c.connections()))
                .toList());
    }
}
