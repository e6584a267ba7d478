package io.sessiongrid.scaling.engine;

import io.sessiongrid.scaling.ForecastPoint;
import io.sessiongrid.scaling.HealthAggregate;
import io.sessiongrid.scaling.PredictivePolicy;
import io.sessiongrid.scaling.PredictiveSettings;
import io.sessiongrid.scaling.ScalingDecision;
import io.sessiongrid.scaling.ScalingLimits;
import io.sessiongrid.scaling.ServerState;
import io.sessiongrid.scaling.ServerView;
import io.sessiongrid.scaling.engine.ConnectionMover.ConnectionLoad;
import io.sessiongrid.scaling.engine.ConnectionMover.Move;
import io.sessiongrid.servers.ConnectionOwnership;
import io.sessiongrid.simulate.SimulatedClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine against in-memory ports: a fleet whose servers become ready when the test says, and a mover. */
class ScalingEngineTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(T0);
    private final Fleet fleet = new Fleet();
    private final List<DecisionRecord> decisions = new ArrayList<>();
    private DemandSource.Demand demand = new DemandSource.Demand(0, List.of(), 0, HealthAggregate.NONE);
    private final ScalingEngine engine = new ScalingEngine(new PredictivePolicy(new PredictiveSettings(
            new ScalingLimits(100, 0.7, 1, 10), Duration.ofMinutes(2), Duration.ofSeconds(15), 0.6,
            Duration.ofMinutes(5), Duration.ofSeconds(60), 4, 2), clock), clock, fleet, fleet, () -> demand,
            decisions::add, "member-1");
    private final RetirementLog log = RetirementLog.inMemory();

    {
        engine.retireWith(log);
    }

    @Test
    void aForecastRiseProvisionsAndNewServersReceiveTheBusiestConnections() {
        fleet.add("s0", ServerState.READY, c("x1", 40), c("x2", 30), c("x3", 20), c("x4", 10));
        demand = new DemandSource.Demand(100, List.of(new ForecastPoint(T0.plusSeconds(60), 200, 150, 210)), 0,
                HealthAggregate.NONE);
        ScalingDecision.ScaleOut out = assertInstanceOf(ScalingDecision.ScaleOut.class, engine.step());
        assertEquals(2, out.servers(), "forecast 200/s needs 3 servers at 70 %");
        assertEquals("scale_out", decisions.get(0).kind());
        assertTrue(fleet.servers().stream().anyMatch(s -> s.state() == ServerState.PENDING));

        fleet.markAllReady();
        clock.set(T0.plusSeconds(15));
        engine.step();
        assertTrue(!fleet.moved.isEmpty(), "connections moved onto the new servers");
        assertEquals("x2", fleet.moved.get(0).connectionId(),
                "the busiest connection that fits under the mean goes first (x1 would overshoot it)");
    }

    @Test
    void scaleInDrainsAndRetiresOnlyWhenSafe() {
        // Listed leaving-first, so a drain that picked the first ready server would pick the other one leaving.
        fleet.add("s2", ServerState.READY, c("z", 0.5));
        fleet.add("s1", ServerState.READY, c("b", 5));
        fleet.add("s0", ServerState.READY, c("a", 10));
        demand = new DemandSource.Demand(15, List.of(), 0, HealthAggregate.NONE);
        fleet.safe = false;
        ScalingDecision.ScaleIn in = assertInstanceOf(ScalingDecision.ScaleIn.class, engine.step());
        assertEquals(List.of("s2", "s1"), in.servers(), "the least loaded first");
        assertTrue(fleet.drained.containsAll(List.of("s2", "s1")));
        assertEquals(Map.of("s2", "s0", "s1", "s0"), fleet.drainedInto,
                "both drained into the server that stays, none into the other one leaving");
        assertTrue(fleet.retired.isEmpty(), "not retired while the cluster is not safe");
        assertEquals(2, engine.retiring().size());

        fleet.safe = true;
        clock.set(T0.plusSeconds(15));
        engine.step();
        assertEquals(List.of("s2", "s1"), fleet.retired);
        assertTrue(engine.retiring().isEmpty());
    }

    @Test
    void aDrainThatFailsIsRetriedAndDoesNotStopTheEngine() {
        fleet.add("s1", ServerState.READY, c("b", 5));
        fleet.add("s0", ServerState.READY, c("a", 10));
        demand = new DemandSource.Demand(15, List.of(), 0, HealthAggregate.NONE);
        fleet.drainFails = true; // e.g. no ready server of the role yet
        ScalingDecision.ScaleIn in = assertInstanceOf(ScalingDecision.ScaleIn.class, engine.step());
        assertEquals(List.of("s1"), in.servers());
        assertEquals(Set.of("s1"), engine.retiring(), "chosen before the drain failed, so not forgotten");
        assertEquals(Set.of("s1"), log.load(), "and kept where the next leader finds it");

        clock.set(T0.plusSeconds(15));
        demand = new DemandSource.Demand(15, List.of(new ForecastPoint(T0.plusSeconds(30), 300, 250, 320)), 0,
                HealthAggregate.NONE);
        assertInstanceOf(ScalingDecision.ScaleOut.class, engine.step(), "the failing drain did not stop the decision");
        assertTrue(fleet.retired.isEmpty());

        fleet.drainFails = false;
        clock.set(T0.plusSeconds(30));
        engine.step();
        assertEquals(List.of("s1"), fleet.drained, "drained once the drain worked");
        clock.set(T0.plusSeconds(45));
        engine.step();
        assertEquals(List.of("s1"), fleet.retired, "and retired at the next interval");
        assertEquals(Set.of(), log.load());
    }

    @Test
    void aServerThatNeverBecomesReadyIsGivenUpAndReplaced() {
        fleet.add("s0", ServerState.READY, c("a", 100));
        demand = new DemandSource.Demand(100, List.of(new ForecastPoint(T0.plusSeconds(60), 200, 150, 210)), 0,
                HealthAggregate.NONE);
        ScalingDecision.ScaleOut out = assertInstanceOf(ScalingDecision.ScaleOut.class, engine.step());
        List<String> first = fleet.requested.keySet().stream().toList();
        assertEquals(out.servers(), first.size());

        clock.set(T0.plus(ScalingEngine.DEFAULT_START_TIMEOUT).plusSeconds(1)); // they never start
        fleet.now = clock.instant();
        assertInstanceOf(ScalingDecision.ScaleOut.class, engine.step(), "asks again for what it still needs");
        assertEquals(first, fleet.retired, "the hung ones are given up (retired)");
        assertEquals(first.size() * 2, fleet.requested.size());
    }

    @Test
    void newServersTakeConnectionsOnlyFromServersWhoseRoleTheirsCovers() {
        fleet.add("shop", ServerState.READY, c("s1", 40), c("s2", 40));
        fleet.add("game", ServerState.READY, c("g1", 40), c("g2", 40));
        fleet.incompatible.add("shop"); // the new servers' role lacks a type shop-server sessions hold
        demand = new DemandSource.Demand(160, List.of(), 0, HealthAggregate.NONE);
        fleet.add("new", ServerState.PENDING);
        engine.step();
        fleet.markAllReady();
        clock.set(T0.plusSeconds(15));
        engine.step();
        assertTrue(!fleet.moved.isEmpty(), "the new server got connections");
        assertTrue(fleet.moved.stream().allMatch(m -> m.connectionId().startsWith("g")), "only game ones: " + fleet.moved);
    }

    @Test
    void aNewLeaderFinishesTheRetirementsItsPredecessorBegan() {
        fleet.add("s1", ServerState.DRAINING);
        fleet.add("s0", ServerState.READY, c("a", 10));
        fleet.add("gone", ServerState.DRAINING);
        fleet.retire("gone"); // it left before the new leader took over
        fleet.retired.clear();
        RetirementLog left = RetirementLog.inMemory();
        left.add("s1");
        left.add("gone");
        engine.retireWith(left);
        demand = new DemandSource.Demand(10, List.of(), 0, HealthAggregate.NONE);
        engine.step();
        assertEquals(List.of("s1"), fleet.retired);
        assertEquals(Set.of(), left.load(), "the retired one and the one that left are both done with");
    }

    @Test
    void aServerIsNotRetiredWhileAMoveFromItIsUnderWay() {
        fleet.add("s1", ServerState.DRAINING);
        fleet.add("s0", ServerState.READY, c("a", 10));
        RetirementLog left = RetirementLog.inMemory();
        left.add("s1");
        engine.retireWith(left);
        fleet.moving.add("s1");
        demand = new DemandSource.Demand(10, List.of(), 0, HealthAggregate.NONE);
        engine.step();
        assertTrue(fleet.retired.isEmpty(), "a rolled-back move would return its connection to s1");
        fleet.moving.clear();
        clock.set(T0.plusSeconds(15));
        engine.step();
        assertEquals(List.of("s1"), fleet.retired);
    }

    @Test
    void theEnginesOwnMemberAndForeignClientsAreNeverDrainedOrRetired() {
        fleet.add("leader", ServerState.READY);
        fleet.add("client", ServerState.READY, c("k", 1));
        fleet.add("spare", ServerState.READY);
        fleet.pinned.addAll(List.of("leader", "client"));
        ScalingDecision.ScaleIn in = assertInstanceOf(ScalingDecision.ScaleIn.class, engine.step());
        assertEquals(List.of("spare"), in.servers(), "1/s needs one server; only the spare may go");
        assertEquals(List.of("spare"), fleet.retired);

        clock.set(T0.plus(Duration.ofMinutes(10)));
        ScalingDecision hold = engine.step();
        assertInstanceOf(ScalingDecision.Hold.class, hold);
        assertTrue(hold.reason().startsWith("no server may be retired"), hold.reason());
        assertEquals("hold", decisions.get(decisions.size() - 1).kind());
        assertEquals(List.of("spare"), fleet.drained, "neither the leader nor the client was drained");
    }

    @Test
    void orphansGetAReadyOwnerBalancedAndCountedEvenWhenPausedAndRecordOnly() {
        fleet.add("s0", ServerState.READY, c("a", 1));
        fleet.add("s1", ServerState.READY);
        fleet.add("booting", ServerState.PENDING);
        fleet.add("leaving", ServerState.DRAINING);
        List<ConnectionOwnership> lost = new ArrayList<>(List.of(orphan("o1"), orphan("o2"), orphan("o3"),
                orphan("reopened")));
        List<Integer> counted = new ArrayList<>();
        engine.rehomeOrphansWith(new OrphanRegistry() {
            @Override
            public List<ConnectionOwnership> orphans() {
                return List.copyOf(lost);
            }

            @Override
            public Set<String> adopt(Map<ConnectionOwnership, String> newOwners) {
                Set<String> adopted = new LinkedHashSet<>();
                newOwners.forEach((orphan, server) -> {
                    lost.remove(orphan);
                    if (!orphan.connectionId().equals("reopened")) { // reopened meanwhile: the registry leaves it
                        fleet.conns.get(server).add(c(orphan.connectionId(), 0));
                        adopted.add(orphan.connectionId());
                    }
                });
                return adopted;
            }
        }, counted::add);
        engine.recordOnly("nothing provisioned");
        engine.pause();
        engine.step();
        assertEquals(List.of(3), counted, "three adopted; the reopened one does not count");
        assertEquals(List.of("a", "o2"), fleet.conns.get("s0").stream().map(ConnectionLoad::connectionId).toList());
        assertEquals(List.of("o1", "o3"),
                fleet.conns.get("s1").stream().map(ConnectionLoad::connectionId).toList(),
                "the server with the least predicted load first, then balanced");
        assertTrue(fleet.conns.get("booting").isEmpty() && fleet.conns.get("leaving").isEmpty(),
                "pending and draining servers take none");

        engine.step();
        assertEquals(List.of(3), counted, "nothing left to count");
    }

    private static ConnectionOwnership orphan(String id) {
        return new ConnectionOwnership(id, "session-" + id, "dead", 2, ConnectionOwnership.Phase.ORPHANED, null, T0);
    }

    @Test
    void pausedEnginesDecideNothingAndTheFloorHolds() {
        fleet.add("s0", ServerState.READY);
        engine.pause();
        engine.floor(3);
        assertInstanceOf(ScalingDecision.Hold.class, engine.step());
        assertEquals("paused", decisions.get(0).kind());
        assertTrue(fleet.servers().size() == 1, "nothing provisioned while paused");

        engine.resume();
        ScalingDecision.ScaleOut out = assertInstanceOf(ScalingDecision.ScaleOut.class, engine.step());
        assertEquals(2, out.servers(), "up to the manual floor of 3");
    }

    @Test
    void recordOnlyEnginesRecordTheirDecisionsWithTheNoteAndTouchNoServer() {
        engine.recordOnly("nothing provisioned");
        fleet.add("s0", ServerState.READY);
        engine.floor(3);
        assertInstanceOf(ScalingDecision.ScaleOut.class, engine.step());
        assertEquals("scale_out", decisions.get(0).kind());
        assertTrue(decisions.get(0).reason().endsWith("; nothing provisioned"), decisions.get(0).reason());
        assertEquals(1, fleet.servers().size(), "nothing provisioned");

        engine.floor(0);
        fleet.add("s1", ServerState.READY);
        fleet.add("s2", ServerState.READY);
        clock.set(T0.plus(Duration.ofMinutes(10)));
        assertInstanceOf(ScalingDecision.ScaleIn.class, engine.step());
        assertTrue(fleet.drained.isEmpty() && fleet.retired.isEmpty(), "nothing drained or retired");
        assertTrue(engine.retiring().isEmpty());
    }

    @Test
    void liteServersArePromotedOnePerIntervalWhenTheRuleSaysSoAndTheClusterIsSafe() {
        fleet.add("s0", ServerState.READY);
        fleet.add("s1", ServerState.READY);
        List<String> promoted = new ArrayList<>();
        boolean[] safe = {false};
        double[] troughBelow = {50};
        engine.promoteWith(new Promoter() {
            @Override
            public List<String> promotable() {
                return List.of("s0", "s1").stream().filter(id -> !promoted.contains(id)).toList();
            }

            @Override
            public boolean safeToPromote() {
                return safe[0];
            }

            @Override
            public void promote(String serverId) {
                promoted.add(serverId);
            }
        }, (peak, ready) -> peak <= troughBelow[0]);
        engine.floor(2);
        demand = new DemandSource.Demand(60, List.of(), 0, HealthAggregate.NONE);
        engine.step();
        assertTrue(promoted.isEmpty(), "60/s is not a trough");
        demand = new DemandSource.Demand(40, List.of(), 0, HealthAggregate.NONE);
        engine.step();
        assertTrue(promoted.isEmpty(), "not while the cluster is unsafe");
        safe[0] = true;
        engine.pause();
        engine.step();
        assertTrue(promoted.isEmpty(), "a pause holds promotions too");
        engine.resume();
        engine.step();
        assertEquals(List.of("s0"), promoted, "one per interval");
        engine.step();
        assertEquals(List.of("s0", "s1"), promoted);
    }

    private static ConnectionLoad c(String id, double usage) {
        return new ConnectionLoad(id, usage);
    }

    /** Fleet and mover in memory. */
    private static final class Fleet implements ServerFleet, ConnectionMover {
        final Map<String, ServerState> states = new LinkedHashMap<>();
        final Map<String, List<ConnectionLoad>> conns = new LinkedHashMap<>();
        final List<Move> moved = new ArrayList<>();
        final List<String> drained = new ArrayList<>();
        final Map<String, String> drainedInto = new LinkedHashMap<>();
        final List<String> retired = new ArrayList<>();
        final List<String> pinned = new ArrayList<>();
        boolean safe = true;
        boolean drainFails;
        final Set<String> moving = new java.util.HashSet<>();
        int seq = 100;

        void add(String id, ServerState state, ConnectionLoad... cs) {
            states.put(id, state);
            conns.put(id, new ArrayList<>(List.of(cs)));
        }

        void markAllReady() {
            states.replaceAll((id, s) -> s == ServerState.PENDING ? ServerState.READY : s);
        }

        @Override
        public List<ServerView> servers() {
            List<ServerView> out = new ArrayList<>();
            states.forEach((id, s) -> {
                double load = conns.get(id).stream().mapToDouble(ConnectionLoad::predictedUsage).sum();
                out.add(new ServerView(id, s, load, load, !pinned.contains(id)));
            });
            return out;
        }

        final Map<String, Instant> requested = new LinkedHashMap<>();
        Instant now = T0;

        @Override
        public void provision(int count) {
            for (int i = 0; i < count; i++) {
                String id = "n" + seq++;
                add(id, ServerState.PENDING);
                requested.put(id, now);
            }
        }

        @Override
        public List<String> stuck(Instant at, Duration limit) {
            return requested.entrySet().stream().filter(e -> states.get(e.getKey()) == ServerState.PENDING
                    && e.getValue().plus(limit).isBefore(at)).map(Map.Entry::getKey).toList();
        }

        @Override
        public boolean safeToRetire(String serverId) {
            return safe;
        }

        @Override
        public void retire(String serverId) {
            retired.add(serverId);
            states.remove(serverId);
        }

        @Override
        public Optional<Duration> provisioningTime() {
            return Optional.empty();
        }

        @Override
        public List<ConnectionLoad> connections(String serverId) {
            return List.copyOf(conns.getOrDefault(serverId, List.of()));
        }

        @Override
        public int move(List<Move> moves) {
            for (Move m : moves) {
                ConnectionLoad c = conns.values().stream().flatMap(List::stream)
                        .filter(x -> x.connectionId().equals(m.connectionId())).findFirst().orElseThrow();
                conns.values().forEach(l -> l.remove(c));
                conns.get(m.target()).add(c);
                moved.add(m);
            }
            return moves.size();
        }

        @Override
        public void markDraining(String serverId) {
            states.put(serverId, ServerState.DRAINING);
        }

        final Set<String> incompatible = new java.util.HashSet<>();

        @Override
        public boolean canTake(String source, String target) {
            return !incompatible.contains(source);
        }

        @Override
        public boolean moving(String serverId) {
            return moving.contains(serverId);
        }

        @Override
        public int drain(String serverId) {
            if (drainFails) {
                throw new io.sessiongrid.migration.MigrationException("no server can take the connections of " + serverId);
            }
            drained.add(serverId);
            states.put(serverId, ServerState.DRAINING);
            // as the migration service does: any ready server but the drained one
            String to = states.keySet().stream().filter(id -> !id.equals(serverId) && states.get(id) == ServerState.READY)
                    .findFirst().orElseThrow();
            drainedInto.put(serverId, to);
            conns.get(to).addAll(conns.get(serverId));
            conns.get(serverId).clear();
            return 0;
        }
    }
}
