package io.sessiongrid.scaling.engine;

import io.sessiongrid.sni.ReservationKind;
import io.sessiongrid.sni.SniException;
import io.sessiongrid.sni.SniService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Publishes the engine's member forecast as the SNI application {@value #APP}: each scale-out reserves, before the
 * servers launch, a {@link ReservationKind#RANGE} reservation for as many identifiers as servers it requests, so
 * the new servers ({@link MemberIdentifier}) take their identifiers from chunks pinned for members, next to the
 * existing ones. RANGE, not SHADOW: a shadow reservation is handed out only by the instance that made it (the
 * engine's member), while the servers allocate in their own processes. Wraps the sink the decisions go to; a
 * refused reservation (pool exhausted, split brain) is logged and never blocks the scale-out.
 */
final class MemberIdReservations implements DecisionSink {
    /** The SNI application of SessionGrid's own servers. */
    static final String APP = "sessiongrid-members";
    /** Above applications' default priority: members are what everything else runs on. */
    static final int PRIORITY = 100;
    private static final Logger LOG = LoggerFactory.getLogger(MemberIdReservations.class);

    private final SniService sni;
    private final DecisionSink next;
    private final Duration ttl;

    /** @param ttl how long a reservation outlives its decision: longer than a server takes to launch */
    MemberIdReservations(SniService sni, DecisionSink next, Duration ttl) {
        this.sni = sni;
        this.next = next;
        this.ttl = ttl;
    }

    @Override
    public void record(DecisionRecord decision) {
        next.record(decision);
        if (!decision.kind().equals("scale_out") || decision.servers() < 1) {
            return;
        }
        try {
            sni.registerApp(APP, PRIORITY);
            sni.reserve(APP, decision.servers(), ttl, ReservationKind.RANGE);
        } catch (SniException e) {
            LOG.warn("could not reserve {} member identifiers: {}", decision.servers(), e.getMessage());
        }
    }
}
