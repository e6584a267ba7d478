package io.sessiongrid.scaling.engine;

import io.sessiongrid.scaling.ForecastPoint;
import io.sessiongrid.scaling.ScalingDecision;
import io.sessiongrid.scaling.ScalingInputs;
import io.sessiongrid.scaling.ScalingPolicy;
import io.sessiongrid.scaling.ServerState;
import io.sessiongrid.scaling.ServerView;
import io.sessiongrid.scaling.engine.ConnectionMover.ConnectionLoad;
import io.sessiongrid.scaling.engine.DemandSource.Demand;
import io.sessiongrid.servers.ConnectionOwnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * One decision interval of the active engine, {@link #step()}: call it once per interval on the one member that
 * leads (see {@link EngineLeadership}); it never blocks on a server's start.
 * <ol>
 *   <li>Servers chosen to retire whose connections are drained are retired as soon as the fleet says it is safe
 *       (data members: cluster safe, no more leaving at once than the backup count).</li>
 *   <li>Orphaned connections (their server died) that the {@link OrphanRegistry} hands out get an owner again
 *       (the live one first leaves them to their application's reconnect for a grace period): each goes to a ready server that is not
 *       being retired, least predicted load and fewest connections first ({@link OrphanPlacement}), through the
 *       connection registry, whose new owner's application then adopts it. This is not scaling: it goes on while
 *       paused and in record-only mode.</li>
 *   <li>Servers that became ready since the last step receive connections: highest predicted usage first, from
 *       the most loaded servers, until predicted load is balanced ({@link Rebalancer}), in one batch.</li>
 *   <li>Unless paused, the policy decides on the demand, the forecast and the fleet; the decision is recorded
 *       with its inputs; a scale-out provisions, a scale-in cancels pending servers and drains ready ones.</li>
 * </ol>
 * A manual floor ({@link #floor(int)}) is passed to the policy, which never goes below it. Not thread-safe:
 * one caller (the engine's timer).
 */
public final class ScalingEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ScalingEngine.class);

    private final ScalingPolicy policy;
    private final Clock clock;
    private final ServerFleet fleet;
    private final ConnectionMover mover;
    private final DemandSource demand;
    private final DecisionSink sink;
    private final String member;
    private final Set<String> retiring = new LinkedHashSet<>();
    private RetirementLog retirements = RetirementLog.inMemory();
    private Set<String> seenReady;
    private Optional<Instant> lastOut = Optional.empty();
    private Optional<Instant> lastIn = Optional.empty();
    private Promoter promoter;
    private java.util.function.BiPredicate<Double, Integer> promoteWhen = (peak, ready) -> false;
    private OrphanRegistry orphans;
    private IntConsumer adopted = n -> { };
    private volatile boolean paused;
    private volatile int floor;
    private String recordOnly;
    private Duration startTimeout = DEFAULT_START_TIMEOUT;

    /** How long a requested server may take to become ready before the engine gives up on it, by default. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(10);

    /** Sets how long a requested server may take to become ready before the engine gives up on it. */
    public void startTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the start timeout must be a positive duration, got " + timeout);
        }
        this.startTimeout = timeout;
    }

    public ScalingEngine(ScalingPolicy policy, Clock clock, ServerFleet fleet, ConnectionMover mover,
                         DemandSource demand, DecisionSink sink, String member) {
        this.policy = policy;
        this.clock = clock;
        this.fleet = fleet;
        this.mover = mover;
        this.demand = demand;
        this.sink = sink;
        this.member = member;
    }

    /**
     * Promotes lite servers through {@code promoter}, one per interval, when {@code when} holds for the peak
     * point forecast over the horizon and the ready servers (see {@link io.sessiongrid.scaling.Promotion}), and
     * the promoter says the cluster is safe.
     */
    public void promoteWith(Promoter promoter, java.util.function.BiPredicate<Double, Integer> when) {
        this.promoter = promoter;
        this.promoteWhen = when;
    }

    /**
     * Keeps the servers chosen to retire in {@code log}, and takes over the ones a previous engine left there (its
     * member left mid-drain): they are retired as if this engine had chosen them.
     */
    public void retireWith(RetirementLog log) {
        this.retirements = Objects.requireNonNull(log, "log");
        retiring.addAll(log.load());
    }

    /**
     * Gives orphaned connections from {@code orphans} a new owner every step, reporting each step's count to
     * {@code adopted} (a meter).
     */
    public void rehomeOrphansWith(OrphanRegistry orphans, IntConsumer adopted) {
        this.orphans = Objects.requireNonNull(orphans, "orphans");
        this.adopted = Objects.requireNonNull(adopted, "adopted");
    }

    /**
     * Record-only mode ({@code scaling.provisioner: none}): decisions are made and recorded, their reason followed by
     * {@code note}, but nothing is provisioned, drained or retired.
     */
    public void recordOnly(String note) {
        this.recordOnly = java.util.Objects.requireNonNull(note, "note");
    }

    /** Stops automatic decisions and promotions (retirements in progress and rebalancing of new servers go on). */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public boolean paused() {
        return paused;
    }

    /** A manual floor on the servers ({@code scaleServers}); 0 releases it. */
    public void floor(int servers) {
        if (servers < 0) {
            throw new IllegalArgumentException("the floor must be 0 or more servers, got " + servers);
        }
        floor = servers;
    }

    /** Runs one decision interval and returns the policy's decision (a hold when paused). */
    public ScalingDecision step() {
        abandonStuckServers();
        finishRetirements();
        List<ServerView> servers = fleet.servers();
        rehomeOrphans(servers);
        rebalanceOntoNewServers(servers);
        Demand d = demand.read();
        int committed = (int) servers.stream().filter(s -> s.state() != ServerState.DRAINING).count();
        double peak = d.forecast().stream().mapToDouble(ForecastPoint::upper).max().orElse(d.demand());
        if (paused) { // promotion is automatic scaling too: a pause holds it
            ScalingDecision hold = new ScalingDecision.Hold("automatic scaling is paused");
            sink.record(new DecisionRecord(clock.instant(), member, policy.name(), "paused", 0, List.of(), hold.reason(),
                    d.demand(), peak, committed));
            return hold;
        }
        promote(d, servers);
        List<ServerView> deciding = servers.stream().filter(s -> !retiring.contains(s.id())).toList();
        ScalingInputs inputs = new ScalingInputs(d.demand(), d.forecast(), d.recentError(), d.health(), deciding,
                lastOut, lastIn, floor);
        ScalingDecision decision = policy.decide(inputs);
        Instant now = clock.instant();
        if (decision instanceof ScalingDecision.ScaleOut out) {
            sink.record(new DecisionRecord(now, member, policy.name(), "scale_out", out.servers(), List.of(),
                    noted(out.reason()), d.demand(), peak, committed));
            if (recordOnly == null) {
                fleet.provision(out.servers());
            }
            lastOut = Optional.of(now);
        } else if (decision instanceof ScalingDecision.ScaleIn in) {
            sink.record(new DecisionRecord(now, member, policy.name(), "scale_in", in.servers().size(), in.servers(),
                    noted(in.reason()), d.demand(), peak, committed));
            if (recordOnly != null) {
                lastIn = Optional.of(now);
                return decision;
            }
            Map<String, ServerView> byId = servers.stream().collect(Collectors.toMap(ServerView::id, s -> s));
            List<String> draining = new java.util.ArrayList<>();
            for (String id : in.servers()) {
                ServerView s = byId.get(id);
                try {
                    if (s != null && s.state() == ServerState.PENDING) {
                        fleet.retire(id); // cancel: it serves nothing yet
                    } else {
                        retiring(id); // before anything can fail: a later interval finishes what this one began
                        mover.markDraining(id);
                        draining.add(id);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("scale-in of {} not begun now, retried next interval: {}", id, e.toString());
                }
            }
            for (String id : draining) { // only now: no drain may pick another server that leaves as its target
                try {
                    mover.drain(id);
                } catch (RuntimeException e) {
                    LOG.warn("drain of {} failed, retried next interval: {}", id, e.toString());
                }
            }
            lastIn = Optional.of(now);
            finishRetirements();
        } else {
            sink.record(new DecisionRecord(now, member, policy.name(), "hold", 0, List.of(), decision.reason(), d.demand(),
                    peak, committed));
        }
        return decision;
    }

    private String noted(String reason) {
        return recordOnly == null ? reason : reason + "; " + recordOnly;
    }

    private void promote(Demand d, List<ServerView> servers) {
        if (promoter == null) {
            return;
        }
        double peakMean = Math.max(d.demand(), d.forecast().stream().mapToDouble(ForecastPoint::mean).max().orElse(0));
        int ready = (int) servers.stream().filter(s -> s.state() == ServerState.READY).count();
        if (!promoteWhen.test(peakMean, ready)) {
            return;
        }
        List<String> lite = promoter.promotable().stream().filter(id -> !retiring.contains(id)).toList();
        if (!lite.isEmpty() && promoter.safeToPromote()) {
            promoter.promote(lite.get(0));
        }
    }

    /** Servers chosen to retire that are drained and not yet retired. */
    public Set<String> retiring() {
        return Set.copyOf(retiring);
    }

    /** Gives up on servers that never became ready within {@link #startTimeout} (they stop counting as pending). */
    private void abandonStuckServers() {
        if (recordOnly != null) {
            return;
        }
        try {
            for (String id : fleet.stuck(clock.instant(), startTimeout)) {
                LOG.warn("server {} was requested more than {} ago and is not ready: giving up on it (retired); a "
                        + "later scale-out asks for another", id, startTimeout);
                fleet.retire(id);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not give up on servers that never started, retried next interval: {}", e.toString());
        }
    }

    private void retiring(String id) {
        retiring.add(id);
        retirements.add(id);
    }

    private void retired(String id) {
        retiring.remove(id);
        retirements.remove(id);
    }

    /**
     * Each server on its own: one that cannot be drained now (no ready server of its role yet) or whose retirement
     * fails is tried again next interval, and does not stop the others, nor this interval's decision.
     */
    private void finishRetirements() {
        if (retiring.isEmpty()) {
            return;
        }
        Set<String> known = fleet.servers().stream().map(ServerView::id).collect(Collectors.toSet());
        for (String id : List.copyOf(retiring)) {
            try {
                if (!known.contains(id)) {
                    retired(id); // gone (stopped, or died: its connections are orphans, re-homed below)
                } else if (!mover.connections(id).isEmpty()) {
                    mover.drain(id); // connections arrived or a move failed: try again
                } else if (!mover.moving(id) && fleet.safeToRetire(id)) {
                    fleet.retire(id);
                    retired(id);
                }
            } catch (RuntimeException e) {
                LOG.warn("retirement of {} did not finish now, retried next interval: {}", id, e.toString());
            }
        }
    }

    private void rehomeOrphans(List<ServerView> servers) {
        if (orphans == null) {
            return;
        }
        List<ConnectionOwnership> lost = orphans.orphans();
        if (lost.isEmpty()) {
            return;
        }
        List<OrphanPlacement.Candidate> candidates = servers.stream()
                .filter(s -> s.state() == ServerState.READY && !retiring.contains(s.id()))
                .map(s -> new OrphanPlacement.Candidate(s.id(), s.predictedLoad(), mover.connections(s.id()).size()))
                .toList();
        if (candidates.isEmpty()) {
            LOG.warn("{} orphaned connections and no ready server to take them; retried next interval", lost.size());
            return;
        }
        Map<String, String> plan = OrphanPlacement.plan(lost.stream().map(ConnectionOwnership::connectionId).toList(),
                candidates);
        Map<ConnectionOwnership, String> newOwners = new LinkedHashMap<>();
        lost.forEach(o -> newOwners.put(o, plan.get(o.connectionId())));
        int n;
        try {
            n = orphans.adopt(newOwners).size();
        } catch (RuntimeException e) {
            // e.g. a candidate deregistered since it was read: the registry refused the batch; planned again next time
            LOG.debug("orphans not re-homed now (retried next interval): {}", e.toString());
            return;
        }
        if (n > 0) {
            adopted.accept(n);
            LOG.info("gave {} of {} orphaned connections a new owner among {} ready servers", n, lost.size(),
                    candidates.size());
        }
    }

    private void rebalanceOntoNewServers(List<ServerView> servers) {
        Set<String> ready = servers.stream().filter(s -> s.state() == ServerState.READY).map(ServerView::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (seenReady == null) {
            seenReady = ready; // a new leader does not reshuffle servers that were ready before it led
            return;
        }
        Set<String> fresh = new HashSet<>(ready);
        fresh.removeAll(seenReady);
        seenReady = ready;
        if (fresh.isEmpty()) {
            return;
        }
        // Balanced among the servers whose connections every new server may take (roles), new ones included.
        Map<String, List<ConnectionLoad>> byServer = new LinkedHashMap<>();
        for (String id : ready) {
            if (!retiring.contains(id) && (fresh.contains(id) || fresh.stream().allMatch(t -> mover.canTake(id, t)))) {
                byServer.put(id, mover.connections(id));
            }
        }
        List<ConnectionMover.Move> moves = Rebalancer.plan(byServer, fresh);
        if (!moves.isEmpty()) {
            int moved;
            try {
                moved = mover.move(moves);
            } catch (RuntimeException e) {
                LOG.warn("moving connections onto new servers {} failed, retried next interval: {}", fresh, e.toString());
                moved = 0;
            }
            if (moved == 0) {
                seenReady.removeAll(fresh); // nothing arrived: plan again next interval
            }
        }
    }
}
