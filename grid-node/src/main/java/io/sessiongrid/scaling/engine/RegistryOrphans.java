package io.sessiongrid.scaling.engine;

import io.sessiongrid.servers.ConnectionOwnership;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.servers.ServerRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Orphans as the server registry knows them: the entries it marked {@link ConnectionOwnership.Phase#ORPHANED}, plus
 * the entries still {@code OWNED} by a server that left the registry within {@code retention}. The second kind
 * exists because the clean-up after a dead server and a move onto it race: a move the coordinator accepts just
 * after the clean-up ran ends owned by the dead server and is never marked. The clean-up's second pass (a few
 * {@code migration.moveTimeout}s later) marks those too; looking here as well finds them sooner and covers an oldest
 * member that died before its second pass. Servers that left are found by comparing the registered ids between calls
 * (index lookups by server, no scan of every connection).
 *
 * <p>A connection counts only once it has been without a live owner for {@code grace} (as this object saw it):
 * the application's own reconnect, which reopens it on a server of its choosing, wins; the engine re-homes what no
 * one reopened. Call from one thread (the engine's).
 */
final class RegistryOrphans implements OrphanRegistry {
    private final ServerRegistry registry;
    private final Clock clock;
    private final Duration retention;
    private final Duration grace;
    private final Map<String, Instant> gone = new HashMap<>();
    private final Map<String, Instant> firstSeen = new HashMap<>();
    private Set<String> known;

    /**
     * @param retention how long after a server left its connections are still looked for (longer than a move can
     *                  stay under way: a few {@code migration.moveTimeout}s)
     * @param grace     how long a connection is left to its application before it counts
     */
    RegistryOrphans(ServerRegistry registry, Clock clock, Duration retention, Duration grace) {
        this.registry = registry;
        this.clock = clock;
        this.retention = retention;
        this.grace = grace;
    }

    @Override
    public List<ConnectionOwnership> orphans() {
        Instant now = clock.instant();
        Set<String> registered = registry.servers().stream().map(ServerInfo::id).collect(Collectors.toSet());
        if (known != null) {
            known.stream().filter(id -> !registered.contains(id)).forEach(id -> gone.put(id, now));
        }
        known = registered;
        gone.keySet().removeIf(registered::contains);
        gone.values().removeIf(left -> left.plus(retention).isBefore(now));
        Map<String, ConnectionOwnership> out = new LinkedHashMap<>();
        registry.orphans().forEach(o -> out.put(o.connectionId(), o));
        for (String id : gone.keySet()) {
            registry.connections(id).stream()
                    .filter(c -> c.phase() == ConnectionOwnership.Phase.OWNED && c.server().equals(id))
                    .forEach(c -> out.putIfAbsent(c.connectionId(), c));
        }
        firstSeen.keySet().retainAll(out.keySet());
        out.keySet().forEach(id -> firstSeen.putIfAbsent(id, now));
        return out.values().stream().filter(c -> !firstSeen.get(c.connectionId()).plus(grace).isAfter(now)).toList();
    }

    @Override
    public Set<String> adopt(Map<ConnectionOwnership, String> newOwners) {
        return registry.adopt(newOwners);
    }
}
