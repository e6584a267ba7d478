package io.sessiongrid.alerts;

import java.time.Instant;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a node sees at one moment, as the alert rules read it. Empty figures are unknown (no SNI pool read yet,
 * no forecast yet) and raise nothing.
 *
 * @param at                 when the figures were read
 * @param sniFreeShare       free identifiers / identifiers in the space
 * @param forecastErrorPct   the cluster forecast's latest error, percent of the observed load
 * @param analyzerWindowEnd  end of the newest cluster window the analyzer stored (epoch millis)
 * @param analyzerInterval   the analyzer's cluster window length, millis
 * @param failedFlushes      the node's tracker's failed flushes so far
 * @param members            cluster members as the node sees them
 * @param movesRolledBack    connection moves this node's side rolled back so far
 * @param orphanedConnections connections whose server died and that no server owns yet
 * @param recentDecisions    scaling decisions recorded (by whichever member leads) within the last
 *                           {@link AlertRules#ENGINE_SILENT_INTERVALS} decision intervals
 * @param decisionInterval   {@code scaling.decisionInterval}, millis (0 when unknown)
 * @param demand             the demand the newest of those decisions observed (requests/s)
 * @param readyCapacity      ready data and lite members times {@code scaling.capacityPerServer} (requests/s)
 */
public record AlertFigures(Instant at, OptionalDouble sniFreeShare, OptionalDouble forecastErrorPct,
                           OptionalLong analyzerWindowEnd, long analyzerInterval, long failedFlushes, int members,
                           OptionalLong movesRolledBack, OptionalLong orphanedConnections, OptionalLong recentDecisions,
                           long decisionInterval, OptionalDouble demand, OptionalDouble readyCapacity) {

    /** Figures without the scaling engine's. */
    public AlertFigures(Instant at, OptionalDouble sniFreeShare, OptionalDouble forecastErrorPct,
                        OptionalLong analyzerWindowEnd, long analyzerInterval, long failedFlushes, int members,
                        OptionalLong movesRolledBack, OptionalLong orphanedConnections) {
        this(at, sniFreeShare, forecastErrorPct, analyzerWindowEnd, analyzerInterval, failedFlushes, members,
                movesRolledBack, orphanedConnections, OptionalLong.empty(), 0, OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    /** Figures of a node without the server registry (no move or orphan figures). */
    public AlertFigures(Instant at, OptionalDouble sniFreeShare, OptionalDouble forecastErrorPct,
                        OptionalLong analyzerWindowEnd, long analyzerInterval, long failedFlushes, int members) {
        this(at, sniFreeShare, forecastErrorPct, analyzerWindowEnd, analyzerInterval, failedFlushes, members,
                OptionalLong.empty(), OptionalLong.empty());
    }
}
