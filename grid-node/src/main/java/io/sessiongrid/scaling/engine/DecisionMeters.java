package io.sessiongrid.scaling.engine;

import io.sessiongrid.metrics.Meters;
import io.sessiongrid.servers.ServerRegistry;

import java.util.function.BooleanSupplier;

/**
 * The engine's meters on every member: decisions by kind ({@code sessiongrid.scaling.decisions}, counted on the
 * member that made them), whether this member's engine is the active one, and, on the active member only, the
 * observed demand, the ready servers and their capacity (requests/s). Members that do not lead report NaN for the
 * last three, so a cluster-wide query sees one value. Wraps the sink the decisions go to.
 */
final class DecisionMeters implements DecisionSink {
    static final String DECISIONS = "sessiongrid.scaling.decisions";

    private final Meters meters;
    private final DecisionSink next;
    private volatile double demand = Double.NaN;

    /**
     * @param active            whether this member's engine leads now
     * @param capacityPerServer {@code scaling.capacityPerServer}
     */
    DecisionMeters(Meters meters, DecisionSink next, ServerRegistry registry, BooleanSupplier active,
                   double capacityPerServer) {
        this.meters = meters;
        this.next = next;
        meters.gauge("sessiongrid.scaling.engine.active", "1 while this member's scaling engine is the active one",
                active, a -> a.getAsBoolean() ? 1 : 0);
        meters.gauge("sessiongrid.scaling.demand", "observed cluster demand at the last decision (requests/s); "
                + "NaN unless this member's engine is active", this, m -> active.getAsBoolean() ? m.demand : Double.NaN);
        meters.gauge("sessiongrid.scaling.servers.ready", "ready servers (data and lite members); NaN unless this "
                + "member's engine is active", registry, r -> active.getAsBoolean() ? RegistryFleet.readyServers(r) : Double.NaN);
        meters.gauge("sessiongrid.scaling.capacity.ready", "requests/s the ready servers serve at 100 % "
                        + "(scaling.capacityPerServer each); NaN unless this member's engine is active", registry,
                r -> active.getAsBoolean() ? RegistryFleet.readyServers(r) * capacityPerServer : Double.NaN);
    }

    @Override
    public void record(DecisionRecord decision) {
        next.record(decision);
        demand = decision.demand();
        meters.counter(DECISIONS, "scaling decisions by kind (scale_out, scale_in, hold, paused)",
                "kind", decision.kind()).increment();
    }
}
