package io.sessiongrid.servers.internal;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.query.Predicates;
import io.sessiongrid.analyzer.AnalyzerMaps;
import io.sessiongrid.analyzer.HealthScore;
import io.sessiongrid.runtime.internal.IdempotentRetry;
import io.sessiongrid.servers.ConnectionOwnership;
import io.sessiongrid.servers.ConnectionOwnership.Phase;
import io.sessiongrid.servers.ServerException;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.servers.ServerLoad;
import io.sessiongrid.servers.ServerRegistry;
import io.sessiongrid.servers.ServerState;
import io.sessiongrid.servers.UnknownServerException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/** {@link ServerRegistry} over the {@value ServerMaps#SERVERS} and {@value ServerMaps#CONNECTIONS} IMaps. */
public final class HazelcastServerRegistry implements ServerRegistry {
    /** Adoptions sent before their answers are awaited: pipelined, but bounded. */
    private static final int ADOPT_IN_FLIGHT = 1024;
    private final IMap<String, ServerRecord> servers;
    private final IMap<ConnectionRef, ConnectionRecord> connections;
    private final IMap<Object, HealthScore> scores;
    private final Clock clock;
    private final String localId; // null when this node is not a server

    public HazelcastServerRegistry(HazelcastInstance hazelcast, Clock clock, String localIdOrNull) {
        this.servers = hazelcast.getMap(ServerMaps.SERVERS);
        this.connections = withIndexes(hazelcast);
        this.scores = hazelcast.getMap(AnalyzerMaps.SCORES);
        this.clock = clock;
        this.localId = localIdOrNull;
    }

    /**
     * The connections map's proxy. Creating it adds the configured indexes on every partition; while a member joins
     * and partitions migrate, that can end "indeterminate" (the store makes Hazelcast fail such operations rather
     * than guess), and adding an index again is harmless, so it is retried.
     */
    private static IMap<ConnectionRef, ConnectionRecord> withIndexes(HazelcastInstance hazelcast) {
        return IdempotentRetry.call(() -> hazelcast.getMap(ServerMaps.CONNECTIONS));
    }

    public IMap<ConnectionRef, ConnectionRecord> connectionMap() {
        return connections;
    }

    // ---- this node's server entry

    public void register(ServerRecord record) {
        servers.set(record.id(), record);
    }

    public void deregister() {
        if (localId != null) {
            servers.delete(localId);
        }
    }

    public Optional<String> localId() {
        return Optional.ofNullable(localId);
    }

    public void reportRecentRate(double requestsPerSecond) {
        if (localId != null) {
            servers.executeOnKey(localId, new ServerUpdate(null, requestsPerSecond, clock.millis()));
        }
    }

    @Override
    public Optional<ServerInfo> local() {
        return localId == null ? Optional.empty() : server(localId);
    }

    @Override
    public Optional<ServerInfo> server(String serverId) {
        ServerRecord r = serverId == null ? null : servers.get(serverId);
        return Optional.ofNullable(r).map(ServerRecord::view);
    }

    public ServerInfo require(String serverId) {
        return server(serverId).orElseThrow(() -> new UnknownServerException(serverId, servers.keySet()));
    }

    public Map<String, ServerInfo> serversById(Collection<String> ids) {
        Map<String, ServerInfo> out = new TreeMap<>();
        servers.getAll(new java.util.HashSet<>(ids)).forEach((id, r) -> out.put(id, r.view()));
        return out;
    }

    @Override
    public List<ServerInfo> servers() {
        List<ServerInfo> all = new ArrayList<>();
        servers.values().forEach(r -> all.add(r.view()));
        all.sort(Comparator.comparing(ServerInfo::registeredAt).thenComparing(ServerInfo::id));
        return all;
    }

    @Override
    public void setLocalState(ServerState state) {
        if (localId == null) {
            throw new ServerException("this node is not a server; only servers have a state");
        }
        setState(localId, state);
    }

    @Override
    public void setState(String serverId, ServerState state) {
        // Setting a state twice is harmless: a write left indeterminate by a member leaving is simply sent again.
        if (IdempotentRetry.call(() -> servers.executeOnKey(serverId,
                new ServerUpdate(state.name(), Double.NaN, clock.millis()))) == null) {
            throw new UnknownServerException(serverId, servers.keySet());
        }
    }

    /** Removes the entries of the servers a dead Hazelcast member or client ran; returns their ids. */
    public List<String> removeInstance(String instanceUuid) {
        List<String> ids = new ArrayList<>(servers.keySet(Predicates.equal("instance", instanceUuid)));
        ids.forEach(servers::delete);
        return ids;
    }

    // ---- connections

    /** Registers {@code server} as the owner of a connection (see {@link OwnershipProcessor} REGISTER). */
    public ConnectionRecord registerOwnership(String connectionId, String sessionId, String server) {
        return connections.executeOnKey(new ConnectionRef(sessionId, connectionId),
                OwnershipProcessor.register(server, clock.millis()));
    }

    /** Removes a connection's entry if {@code server} still owns it (a closed connection that moved away stays). */
    public void closeOwnership(String connectionId, String sessionId, String server) {
        connections.executeOnKey(new ConnectionRef(sessionId, connectionId),
                OwnershipProcessor.close(server));
    }

    public Optional<ConnectionRecord> record(String connectionId) {
        return connections.values(Predicates.equal("connectionId", connectionId)).stream().findFirst();
    }

    public Map<String, ConnectionRecord> records(Collection<String> connectionIds) {
        Map<String, ConnectionRecord> out = new java.util.HashMap<>();
        connections.values(Predicates.in("connectionId", connectionIds.toArray(String[]::new)))
                .forEach(r -> out.put(r.connectionId(), r));
        return out;
    }

    /** Entries that name {@code serverId} as owner or as the other side of a move under way. */
    public Collection<ConnectionRecord> involving(String serverId) {
        return connections.values(Predicates.or(Predicates.equal("server", serverId), Predicates.equal("peer", serverId)));
    }

    @Override
    public Optional<ConnectionOwnership> connection(String connectionId) {
        return record(connectionId).map(ConnectionRecord::view);
    }

    @Override
    public List<ConnectionOwnership> connections(String serverId) {
        return ownedRecords(serverId).stream().map(ConnectionRecord::view)
                .sorted(Comparator.comparing(ConnectionOwnership::connectionId)).toList();
    }

    public Collection<ConnectionRecord> ownedRecords(String serverId) {
        return connections.values(Predicates.and(Predicates.equal("server", serverId),
                Predicates.notEqual("phase", Phase.ORPHANED.name())));
    }

    @Override
    public List<ConnectionOwnership> orphans() {
        return connections.values(Predicates.equal("phase", Phase.ORPHANED.name())).stream()
                .map(ConnectionRecord::view).sorted(Comparator.comparing(ConnectionOwnership::connectionId)).toList();
    }

    @Override
    public Set<String> adopt(Map<ConnectionOwnership, String> newOwners) {
        new java.util.HashSet<>(newOwners.values()).forEach(this::require);
        Set<String> adopted = new java.util.HashSet<>();
        List<Map.Entry<ConnectionOwnership, String>> all = List.copyOf(newOwners.entrySet());
        for (int from = 0; from < all.size(); from += ADOPT_IN_FLIGHT) {
            List<Map.Entry<ConnectionOwnership, String>> chunk = all.subList(from, Math.min(all.size(), from + ADOPT_IN_FLIGHT));
            List<java.util.concurrent.CompletableFuture<ConnectionRecord>> pending = new ArrayList<>(chunk.size());
            for (Map.Entry<ConnectionOwnership, String> e : chunk) {
                ConnectionOwnership o = e.getKey();
                pending.add(connections.submitToKey(new ConnectionRef(o.sessionId(), o.connectionId()),
                        OwnershipProcessor.adopt(e.getValue(), o.server(), o.version())).toCompletableFuture());
            }
            for (int i = 0; i < chunk.size(); i++) {
                ConnectionOwnership o = chunk.get(i).getKey();
                try {
                    ConnectionRecord after = pending.get(i).join();
                    if (after != null && after.in(Phase.OWNED) && after.server().equals(chunk.get(i).getValue())
                            && after.version() == o.version() + 1) {
                        adopted.add(o.connectionId());
                    }
                } catch (RuntimeException failed) {
                    // left as it was (e.g. its partition migrating): whoever re-homes orphans tries again
                }
            }
        }
        return adopted;
    }

    /** Marks the connections a dead server owned as orphaned; returns how many. */
    public int orphanAll(String deadServer) {
        int n = 0;
        for (ConnectionRecord r : connections.values(Predicates.and(Predicates.equal("server", deadServer),
                Predicates.equal("phase", Phase.OWNED.name())))) {
            ConnectionRecord after = connections.executeOnKey(r.ref(), OwnershipProcessor.orphan(deadServer));
            n += after != null && after.in(Phase.ORPHANED) ? 1 : 0;
        }
        return n;
    }

    // ---- load and health

    @Override
    public ServerLoad load(String serverId) {
        ServerRecord server = servers.get(serverId);
        Collection<ConnectionRecord> owned = ownedRecords(serverId);
        Map<String, HealthScore> byConnection = scoresOf(owned);
        double predicted = 0;
        double scoreSum = 0;
        for (HealthScore s : byConnection.values()) {
            predicted += s.predictedRate();
            scoreSum += s.score();
        }
        int scored = byConnection.size();
        return new ServerLoad(serverId, owned.size(), server == null ? 0 : server.recentRequestRate(), predicted,
                scored, scored == 0 ? Double.NaN : scoreSum / scored);
    }

    @Override
    public Map<String, HealthScore> healthScores(String serverId) {
        return scoresOf(ownedRecords(serverId));
    }

    private Map<String, HealthScore> scoresOf(Collection<ConnectionRecord> owned) {
        Map<String, HealthScore> out = new TreeMap<>();
        if (owned.isEmpty()) {
            return out;
        }
        Map<String, String> sessionOf = new java.util.HashMap<>();
        owned.forEach(r -> sessionOf.put(r.connectionId(), r.sessionId()));
        for (HealthScore s : scores.values(Predicates.in("connectionId", sessionOf.keySet().toArray(String[]::new)))) {
            // Connection ids are unique per session; keep the score of this connection's own session, if still open.
            if (!s.closed() && s.sessionId().equals(sessionOf.get(s.connectionId()))) {
                out.put(s.connectionId(), s);
            }
        }
        return out;
    }

    // ---- orphan listeners

    @Override
    public String addOrphanListener(Consumer<ConnectionOwnership> listener) {
        UUID id = connections.addEntryListener((EntryUpdatedListener<ConnectionRef, ConnectionRecord>)
                (EntryEvent<ConnectionRef, ConnectionRecord> e) -> listener.accept(e.getValue().view()),
                Predicates.equal("phase", Phase.ORPHANED.name()), true);
        return id.toString();
    }

    @Override
    public boolean removeOrphanListener(String id) {
        return connections.removeEntryListener(UUID.fromString(id));
    }
}
