package io.sessiongrid.migration.internal;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.migration.ConnectionAlreadyMovingException;
import io.sessiongrid.migration.DrainResult;
import io.sessiongrid.migration.MigrationException;
import io.sessiongrid.migration.MigrationStats;
import io.sessiongrid.migration.Migrations;
import io.sessiongrid.migration.MoveEvent;
import io.sessiongrid.migration.MoveListener;
import io.sessiongrid.migration.MoveOutcome;
import io.sessiongrid.migration.MoveRequest;
import io.sessiongrid.migration.MoveResult;
import io.sessiongrid.migration.RoleMismatchException;
import io.sessiongrid.migration.ServerNotReadyException;
import io.sessiongrid.servers.ConnectionOwnership.Phase;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.servers.ServerKind;
import io.sessiongrid.servers.ServerState;
import io.sessiongrid.servers.UnknownConnectionException;
import io.sessiongrid.servers.UnknownServerException;
import io.sessiongrid.servers.internal.ConnectionRecord;
import io.sessiongrid.servers.internal.ConnectionRef;
import io.sessiongrid.servers.internal.HazelcastServerRegistry;
import io.sessiongrid.servers.internal.OwnershipProcessor;
import io.sessiongrid.session.replay.SessionReplay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link Migrations} on one node: the coordinator of the moves asked for here, the router of registry events to
 * this node's roles (coordinator, source, target) and listeners. Protocol: the package doc of
 * {@link io.sessiongrid.migration}.
 */
public final class HazelcastMigrations implements Migrations, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HazelcastMigrations.class);
    /** Beyond the move timeout, how long a coordinator waits for an accept that is already on its way. */
    private static final long GRACE_MILLIS = 1_000;

    private final String localId;
    private final HazelcastInstance hazelcast;
    private final HazelcastServerRegistry registry;
    private final IMap<ConnectionRef, ConnectionRecord> connections;
    private final SessionReplay replay;
    private final Collection<String> allTypes;
    private final Duration moveTimeout;
    private final Clock clock;
    private final MoveLog log;
    private final MoveJanitor janitor;
    private final TargetWorker target;
    private final ExecutorService events;
    private final Map<String, MoveListener> listeners = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Finished>> pending = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final UUID registryListener;

    /** A finished move as the coordinator saw it: the entry after it (null when the connection was closed). */
    private record Finished(ConnectionRecord after, long nanos) {
    }

    public HazelcastMigrations(HazelcastInstance hazelcast, SessionGridConfig config, Clock clock, String localId,
                               HazelcastServerRegistry registry, SessionReplay replay, Collection<String> replayTypes,
                               io.sessiongrid.time.Scheduler scheduler, ExecutorService events,
                               boolean member) {
        this.localId = localId;
        this.registry = registry;
        this.connections = registry.connectionMap();
        this.replay = replay;
        this.allTypes = config.partitions().keySet();
        this.moveTimeout = config.migration().moveTimeout();
        this.clock = clock;
        this.events = events;
        this.hazelcast = hazelcast;
        this.log = new MoveLog(hazelcast);
        this.janitor = new MoveJanitor(hazelcast, registry, log, clock, scheduler, moveTimeout, member);
        this.target = new TargetWorker(localId, connections, replay, replayTypes, log, clock, this::publish);
        // Only the steps this node acts on: an announced move (as target) and finished moves (as coordinator,
        // source or target); a move's intermediate step (the flip) sends no event.
        String owned = Phase.OWNED.name();
        Predicate<ConnectionRef, ConnectionRecord> mine = Predicates.or(
                Predicates.and(Predicates.equal("phase", Phase.MOVING.name()), Predicates.equal("peer", localId)),
                Predicates.and(Predicates.equal("phase", owned), Predicates.or(
                        Predicates.equal("coordinator", localId), Predicates.equal("lastPeer", localId),
                        Predicates.and(Predicates.equal("server", localId),
                                Predicates.equal("lastMove", ConnectionRecord.ROLLED_BACK)))));
        this.registryListener = connections.addEntryListener(new Router(), mine, true);
    }

    // ---- events

    private final class Router implements EntryUpdatedListener<ConnectionRef, ConnectionRecord>,
            EntryRemovedListener<ConnectionRef, ConnectionRecord> {
        @Override
        public void entryUpdated(EntryEvent<ConnectionRef, ConnectionRecord> event) {
            route(event.getValue());
        }

        @Override
        public void entryRemoved(EntryEvent<ConnectionRef, ConnectionRecord> event) {
            ConnectionRecord before = event.getOldValue();
            if (before != null && localId.equals(before.coordinator()) && before.moveId() != null) {
                CompletableFuture<Finished> f = pending.remove(MoveLog.key(before.moveId(), before.connectionId()));
                if (f != null) {
                    f.complete(new Finished(null, System.nanoTime()));
                }
            }
        }
    }

    private void route(ConnectionRecord r) {
        if (r.in(Phase.MOVING) && localId.equals(r.peer())) {
            publish(new MoveEvent.ExpectConnection(r.connectionId(), r.sessionId(), r.moveId(), r.server()));
            target.offer(r);
            return;
        }
        if (!r.in(Phase.OWNED) || r.lastMove() == null) {
            return;
        }
        boolean completed = ConnectionRecord.COMPLETED.equals(r.lastMove());
        if (localId.equals(r.coordinator())) {
            CompletableFuture<Finished> f = pending.remove(MoveLog.key(r.moveId(), r.connectionId()));
            if (f != null) {
                f.complete(new Finished(r, System.nanoTime()));
            }
        }
        if (completed && localId.equals(r.lastPeer())) {
            publish(new MoveEvent.ConnectionMovedAway(r.connectionId(), r.sessionId(), r.moveId(), r.server(),
                    redirectAddress(r.server())));
        } else if (!completed && localId.equals(r.lastPeer())) {
            publish(new MoveEvent.MoveCancelled(r.connectionId(), r.sessionId(), r.moveId(), r.reason()));
        } else if (!completed && localId.equals(r.server())) {
            publish(new MoveEvent.MoveRolledBack(r.connectionId(), r.sessionId(), r.moveId(), r.lastPeer(), r.reason()));
        }
    }

    private String redirectAddress(String server) {
        return redirects.computeIfAbsent(server, id -> registry.server(id).map(ServerInfo::redirectAddress).orElse(""));
    }

    private void publish(MoveEvent event) {
        if (listeners.isEmpty()) {
            return;
        }
        events.execute(() -> listeners.values().forEach(l -> {
            try {
                l.onMove(event);
            } catch (RuntimeException e) {
                LOG.warn("a move listener failed on " + event, e);
            }
        }));
    }

    @Override
    public String addListener(MoveListener listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        String id = UUID.randomUUID().toString();
        listeners.put(id, listener);
        return id;
    }

    @Override
    public boolean removeListener(String id) {
        return listeners.remove(id) != null;
    }

    /**
     * Holds incoming moves (as target) before their copy starts, until released: the window in which tests
     * terminate a source or target mid-move. Not for production use.
     */
    public void holdIncomingMoves(boolean hold) {
        target.hold(hold);
    }

    @Override
    public MigrationStats stats() {
        return log.stats();
    }

    // ---- moves

    @Override
    public MoveResult migrateConnection(String connectionId, String targetServer) {
        MoveResult result = migrateConnections(List.of(new MoveRequest(connectionId, targetServer))).get(0);
        if (result.outcome() == MoveOutcome.REFUSED) {
            // Another move began between the checks and ours: say so, as the checks would have.
            registry.record(connectionId).filter(r -> r.in(Phase.MOVING) || r.in(Phase.ACCEPTING)).ifPresent(r -> {
                throw new ConnectionAlreadyMovingException(connectionId, r.in(Phase.MOVING) ? r.peer() : r.server());
            });
        }
        return result;
    }

    /** One checked move. */
    private record Planned(int index, ConnectionRecord record, String target) {
    }

    @Override
    public List<MoveResult> migrateConnections(List<MoveRequest> requests) {
        return migrate(requests, false);
    }

    /**
     * @param racesRefused a connection closed or already moving, or a target no longer READY, gives a REFUSED
     *                     result for that request instead of failing the batch (a drain: its plan was read a moment
     *                     before, and one connection closing meanwhile must not stop the others)
     */
    private List<MoveResult> migrate(List<MoveRequest> requests, boolean racesRefused) {
        List<Planned> planned = new ArrayList<>();
        MoveResult[] results = check(requests, planned, racesRefused);
        if (planned.isEmpty()) {
            return List.of(results);
        }
        String moveId = UUID.randomUUID().toString();
        long start = System.nanoTime();
        long now = clock.millis();
        long deadline = now + moveTimeout.toMillis();
        Map<Planned, CompletableFuture<Finished>> futures = new LinkedHashMap<>();
        for (Planned p : planned) {
            CompletableFuture<Finished> f = new CompletableFuture<>();
            pending.put(MoveLog.key(moveId, p.record.connectionId()), f); // before the begin: its events may come first
            futures.put(p, f);
        }
        if (planned.size() == 1) {
            // One move: the begin is conditional on the ownership version the checks saw.
            Planned p = planned.get(0);
            connections.submitToKey(p.record.ref(), OwnershipProcessor.begin(p.target, moveId, localId, p.record.server(),
                    p.record.version(), now, deadline)).whenComplete((after, error) ->
                    begun(moveId, Map.of(p.record.ref(), p), error == null ? Map.of(p.record.ref(), after) : null, error,
                            futures));
        } else {
            // A batch: one bulk begin per (source, target), each entry conditional on its source still owning it.
            Map<List<String>, Map<ConnectionRef, Planned>> groups = new LinkedHashMap<>();
            for (Planned p : planned) {
                groups.computeIfAbsent(List.of(p.record.server(), p.target), k -> new LinkedHashMap<>()).put(p.record.ref(), p);
            }
            groups.forEach((route, group) -> connections.submitToKeys(group.keySet(), OwnershipProcessor.begin(route.get(1),
                    moveId, localId, route.get(0), 0, now, deadline)).whenComplete((afters, error) ->
                    begun(moveId, group, afters, error, futures)));
        }
        for (Map.Entry<Planned, CompletableFuture<Finished>> e : futures.entrySet()) {
            Planned p = e.getKey();
            results[p.index] = await(p, moveId, e.getValue(), deadline, start);
        }
        return List.of(results);
    }

    /** Settles the moves whose begin did not take: failed, or the entry changed since the checks. */
    private void begun(String moveId, Map<ConnectionRef, Planned> group, Map<ConnectionRef, ConnectionRecord> afters,
                       Throwable error, Map<Planned, CompletableFuture<Finished>> futures) {
        group.forEach((ref, p) -> {
            ConnectionRecord after = afters == null ? null : afters.get(ref);
            if (error == null && after != null && moveId.equals(after.moveId())) {
                return; // begun: its outcome comes through the registry events
            }
            pending.remove(MoveLog.key(moveId, p.record.connectionId()));
            if (error != null) {
                futures.get(p).completeExceptionally(error);
            } else {
                futures.get(p).complete(new Finished(after, System.nanoTime()));
            }
        });
    }

    private MoveResult await(Planned p, String moveId, CompletableFuture<Finished> f, long deadline, long start) {
        ConnectionRecord before = p.record;
        Finished done;
        try {
            long wait = Math.max(0, deadline - clock.millis()) + GRACE_MILLIS;
            done = f.get(wait, TimeUnit.MILLISECONDS);
        } catch (TimeoutException timedOut) {
            pending.remove(MoveLog.key(moveId, before.connectionId()));
            ConnectionRecord after = janitor.rollback(withMove(before, moveId),
                    "the target did not accept within migration.moveTimeout (" + moveTimeout + ")");
            if (after == null) {
                // it finished (or vanished) just now: read how
                after = connections.get(before.ref());
            }
            done = new Finished(after, System.nanoTime());
        } catch (ExecutionException failed) {
            return result(before, p.target, moveId, MoveOutcome.REFUSED, null, start, System.nanoTime(),
                    "the move could not begin: " + failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while waiting for the move of connection '"
                    + before.connectionId() + "'; it completes or rolls back by itself");
        }
        ConnectionRecord after = done.after;
        if (after == null) {
            return result(before, p.target, moveId, MoveOutcome.ROLLED_BACK, null, start, done.nanos,
                    "the connection was closed during the move");
        }
        if (!moveId.equals(after.moveId())) {
            String why = after.in(Phase.MOVING) || after.in(Phase.ACCEPTING)
                    ? "another move of it began first"
                    : "the connection changed (now owned by " + after.server() + ", version " + after.version() + ")";
            return result(before, p.target, null, MoveOutcome.REFUSED, null, start, done.nanos, why);
        }
        boolean completed = after.in(Phase.OWNED) && ConnectionRecord.COMPLETED.equals(after.lastMove());
        return result(before, p.target, moveId, completed ? MoveOutcome.COMPLETED : MoveOutcome.ROLLED_BACK, after,
                start, done.nanos, completed ? null : after.reason());
    }

    /**
     * A drain's request that the registry changed under since the plan was read, as a REFUSED result saying why;
     * null when it may go on. {@code r} and {@code target} are what the registry holds now (null: gone).
     */
    static MoveResult raceRefusal(MoveRequest req, ConnectionRecord r, ServerInfo target) {
        String why;
        if (r == null) {
            why = "the connection was closed before its move began";
        } else if (target == null) {
            why = "target server '" + req.targetServer() + "' left before the move began";
        } else if (r.in(Phase.MOVING) || r.in(Phase.ACCEPTING)) {
            why = "another move of it began first";
        } else if (target.state() != ServerState.READY && !(r.server().equals(target.id()) && r.in(Phase.OWNED))) {
            why = "target server '" + target.id() + "' is " + target.state() + ", no longer READY";
        } else {
            return null;
        }
        return new MoveResult(null, req.connectionId(), r == null ? null : r.server(), req.targetServer(),
                MoveOutcome.REFUSED, 0, 0, Duration.ZERO, why);
    }

    private static ConnectionRecord withMove(ConnectionRecord r, String moveId) {
        return new ConnectionRecord(r.connectionId(), r.sessionId(), r.server(), r.version(), r.phase(), r.peer(),
                moveId, r.coordinator(), r.moveStartedAt(), r.deadline(), r.lastMove(), r.lastPeer(), r.moveBytes(),
                r.movePartitions(), r.reason(), r.openedAt());
    }

    private static MoveResult result(ConnectionRecord before, String target, String moveId, MoveOutcome outcome,
                                     ConnectionRecord after, long start, long end, String reason) {
        return new MoveResult(moveId == null ? null : MoveLog.key(moveId, before.connectionId()), before.connectionId(),
                before.server(), target, outcome, after == null ? 0 : after.moveBytes(),
                after == null ? 0 : after.movePartitions(), Duration.ofNanos(Math.max(0, end - start)), reason);
    }

    /** Checks every request before anything moves; fills no-op (and, racing, refused) results and the moves to make. */
    private MoveResult[] check(List<MoveRequest> requests, List<Planned> planned, boolean racesRefused) {
        if (requests == null || requests.isEmpty()) {
            throw new MigrationException("no moves given; pass at least one MoveRequest(connectionId, targetServer)");
        }
        Set<String> ids = new LinkedHashSet<>();
        Set<String> targets = new LinkedHashSet<>();
        for (MoveRequest r : requests) {
            if (r == null || r.connectionId() == null || r.connectionId().isEmpty() || r.targetServer() == null
                    || r.targetServer().isEmpty()) {
                throw new MigrationException("a move needs a connection id and a target server id, got " + r);
            }
            if (!ids.add(r.connectionId())) {
                throw new MigrationException("connection '" + r.connectionId() + "' is listed twice; move each once");
            }
            targets.add(r.targetServer());
        }
        Map<String, ConnectionRecord> records = registry.records(ids);
        Map<String, ServerInfo> servers = registry.serversById(targets);
        Set<String> sourceIds = new LinkedHashSet<>();
        records.values().forEach(r -> sourceIds.add(r.server()));
        Map<String, ServerInfo> sources = registry.serversById(sourceIds);
        MoveResult[] results = new MoveResult[requests.size()];
        Map<Set<String>, List<Planned>> toCheck = new LinkedHashMap<>();
        Map<Planned, Set<String>> missingOf = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            MoveRequest req = requests.get(i);
            ConnectionRecord r = records.get(req.connectionId());
            ServerInfo target = servers.get(req.targetServer());
            MoveResult race = racesRefused ? raceRefusal(req, r, target) : null;
            if (race != null) {
                results[i] = race;
                continue;
            }
            if (r == null) {
                throw new UnknownConnectionException(req.connectionId());
            }
            if (target == null) {
                throw new UnknownServerException(req.targetServer(), registry.servers().stream().map(ServerInfo::id).toList());
            }
            if (r.in(Phase.MOVING) || r.in(Phase.ACCEPTING)) {
                throw new ConnectionAlreadyMovingException(r.connectionId(), r.in(Phase.MOVING) ? r.peer() : r.server());
            }
            if (r.server().equals(target.id()) && r.in(Phase.OWNED)) {
                results[i] = new MoveResult(null, r.connectionId(), r.server(), target.id(), MoveOutcome.NO_OP, 0, 0,
                        Duration.ZERO, null);
                continue;
            }
            if (target.state() != ServerState.READY) {
                throw new ServerNotReadyException(target.id(), target.state());
            }
            ServerInfo source = sources.get(r.server());
            Set<String> missing = new LinkedHashSet<>(source == null ? allTypes : source.partitions());
            missing.removeAll(target.partitions());
            Planned p = new Planned(i, r, target.id());
            planned.add(p);
            if (!missing.isEmpty()) {
                toCheck.computeIfAbsent(missing, k -> new ArrayList<>()).add(p);
                missingOf.put(p, missing);
            }
        }
        // A target may lack types the source needs only if the session holds none of them.
        for (Map.Entry<Set<String>, List<Planned>> group : toCheck.entrySet()) {
            Set<String> sessions = new LinkedHashSet<>();
            group.getValue().forEach(p -> sessions.add(p.record.sessionId()));
            Map<String, Set<String>> held = replay.held(sessions, group.getKey());
            for (Planned p : group.getValue()) {
                Set<String> lacking = held.getOrDefault(p.record.sessionId(), Set.of());
                if (!lacking.isEmpty()) {
                    ServerInfo source = sources.get(p.record.server());
                    throw new RoleMismatchException(p.record.connectionId(), p.target, servers.get(p.target).role(),
                            lacking, source == null ? null : source.role());
                }
            }
        }
        return results;
    }

    // ---- drain

    @Override
    public DrainResult drain(String serverId) {
        long start = System.nanoTime();
        ServerInfo drained = registry.require(serverId);
        List<ConnectionRecord> owned = new ArrayList<>(registry.ownedRecords(serverId));
        owned.removeIf(r -> !r.in(Phase.OWNED));
        // A member that just died may still be registered READY until the janitor removes it: moves to it would
        // only time out and roll back. (Client servers cannot be checked from here; their registry entry leaves
        // when the cluster drops the client.)
        Set<String> members = new HashSet<>();
        hazelcast.getCluster().getMembers().forEach(m -> members.add(m.getUuid().toString()));
        List<ServerInfo> candidates = registry.servers().stream()
                .filter(s -> s.ready() && !s.id().equals(serverId) && s.partitions().containsAll(drained.partitions()))
                .filter(s -> s.kind() == ServerKind.CLIENT || members.contains(s.instance()))
                .toList();
        if (candidates.isEmpty() && !owned.isEmpty()) {
            throw new MigrationException("no server can take the connections of server '" + serverId + "': none is READY "
                    + "with a role that needs every type its role needs " + drained.partitions());
        }
        registry.setState(serverId, ServerState.DRAINING);
        Map<String, Double> predicted = new HashMap<>();
        registry.healthScores(serverId).forEach((c, s) -> predicted.put(c, s.predictedRate()));
        owned.sort((a, b) -> {
            int byUsage = Double.compare(predicted.getOrDefault(b.connectionId(), 0.0),
                    predicted.getOrDefault(a.connectionId(), 0.0));
            return byUsage != 0 ? byUsage : a.connectionId().compareTo(b.connectionId());
        });
        List<MoveRequest> requests = DrainPlan.assign(owned, predicted, candidates, registry::load);
        List<MoveResult> moves = requests.isEmpty() ? List.of() : migrate(requests, true);
        Map<String, Integer> byTarget = new java.util.TreeMap<>();
        moves.stream().filter(m -> m.outcome() == MoveOutcome.COMPLETED).forEach(m -> byTarget.merge(m.target(), 1, Integer::sum));
        return new DrainResult(serverId, moves, byTarget, Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void close() {
        try {
            connections.removeEntryListener(registryListener);
        } catch (RuntimeException e) {
            // the instance is already down
        }
        target.close();
        janitor.close();
        pending.values().forEach(f -> f.completeExceptionally(new MigrationException("this node is shutting down")));
    }
}
