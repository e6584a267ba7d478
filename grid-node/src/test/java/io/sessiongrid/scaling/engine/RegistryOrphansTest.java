package io.sessiongrid.scaling.engine;

import io.sessiongrid.analyzer.HealthScore;
import io.sessiongrid.servers.ConnectionOwnership;
import io.sessiongrid.servers.ConnectionOwnership.Phase;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.servers.ServerKind;
import io.sessiongrid.servers.ServerLoad;
import io.sessiongrid.servers.ServerRegistry;
import io.sessiongrid.servers.ServerState;
import io.sessiongrid.simulate.SimulatedClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which connections count as orphans: the registry's orphaned ones, and those still owned by a server that just left. */
class RegistryOrphansTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final SimulatedClock clock = new SimulatedClock(T0);
    private final Registry registry = new Registry();
    private final RegistryOrphans orphans = new RegistryOrphans(registry, clock, Duration.ofSeconds(30), Duration.ZERO);

    @Test
    void connectionsStillOwnedByAServerThatLeftCountUntilTheRetentionEnds() {
        registry.servers.addAll(List.of("a", "b"));
        registry.entries.add(entry("o1", "dead", Phase.ORPHANED));
        registry.entries.add(entry("c1", "b", Phase.OWNED));
        registry.entries.add(entry("c2", "b", Phase.MOVING)); // its move decides where it goes
        registry.entries.add(entry("c3", "a", Phase.OWNED));
        assertEquals(List.of("o1"), ids(orphans.orphans()), "b is registered: its connections are its own");

        registry.servers.remove("b");
        clock.set(T0.plusSeconds(1));
        assertEquals(List.of("o1", "c1"), ids(orphans.orphans()));
        clock.set(T0.plusSeconds(31));
        assertEquals(List.of("o1", "c1"), ids(orphans.orphans()), "within 30 s of noticing b gone");
        clock.set(T0.plusSeconds(32));
        assertEquals(List.of("o1"), ids(orphans.orphans()), "after the retention only what the registry marked");
    }

    @Test
    void aServerThatComesBackIsNotGone() {
        registry.servers.addAll(List.of("a", "b"));
        registry.entries.add(entry("c1", "b", Phase.OWNED));
        orphans.orphans();
        registry.servers.remove("b");
        assertEquals(List.of("c1"), ids(orphans.orphans()));
        registry.servers.add("b");
        assertEquals(List.of(), ids(orphans.orphans()));
    }

    @Test
    void aConnectionIsLeftToItsApplicationForTheGracePeriod() {
        RegistryOrphans patient = new RegistryOrphans(registry, clock, Duration.ofSeconds(30), Duration.ofSeconds(10));
        registry.entries.add(entry("o1", "dead", Phase.ORPHANED));
        assertEquals(List.of(), ids(patient.orphans()), "first seen now");
        clock.set(T0.plusSeconds(9));
        registry.entries.add(entry("o2", "dead", Phase.ORPHANED));
        assertEquals(List.of(), ids(patient.orphans()));
        clock.set(T0.plusSeconds(10));
        assertEquals(List.of("o1"), ids(patient.orphans()), "o1 waited 10 s, o2 only 1 s");

        registry.entries.removeIf(c -> c.connectionId().equals("o1")); // reopened by its application
        clock.set(T0.plusSeconds(11));
        assertEquals(List.of(), ids(patient.orphans()));
        registry.entries.add(entry("o1", "other-dead", Phase.ORPHANED)); // orphaned again later: a new wait
        clock.set(T0.plusSeconds(19));
        assertEquals(List.of("o2"), ids(patient.orphans()));
    }

    private static List<String> ids(List<ConnectionOwnership> list) {
        return list.stream().map(ConnectionOwnership::connectionId).toList();
    }

    private static ConnectionOwnership entry(String id, String server, Phase phase) {
        return new ConnectionOwnership(id, "s-" + id, server, 3, phase, null, T0);
    }

    /** The registry's reads in memory; what RegistryOrphans does not use refuses. */
    private static final class Registry implements ServerRegistry {
        final List<String> servers = new ArrayList<>();
        final List<ConnectionOwnership> entries = new ArrayList<>();

        @Override
        public List<ServerInfo> servers() {
            return servers.stream().map(id -> new ServerInfo(id, null, List.of(), ServerKind.LITE_MEMBER, "",
                    ServerState.READY, T0)).toList();
        }

        @Override
        public List<ConnectionOwnership> connections(String serverId) {
            return entries.stream().filter(c -> c.server().equals(serverId) && c.phase() != Phase.ORPHANED).toList();
        }

        @Override
        public List<ConnectionOwnership> orphans() {
            return entries.stream().filter(c -> c.phase() == Phase.ORPHANED).toList();
        }

        @Override
        public Set<String> adopt(Map<ConnectionOwnership, String> newOwners) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ServerInfo> local() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ServerInfo> server(String serverId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setLocalState(ServerState state) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setState(String serverId, ServerState state) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ConnectionOwnership> connection(String connectionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerLoad load(String serverId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, HealthScore> healthScores(String serverId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String addOrphanListener(Consumer<ConnectionOwnership> listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean removeOrphanListener(String id) {
            throw new UnsupportedOperationException();
        }
    }
}
