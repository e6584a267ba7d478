package io.sessiongrid.simulate;

import io.sessiongrid.scaling.ServerState;
import io.sessiongrid.scaling.ServerView;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The simulated provisioner: a requested server becomes ready {@code lead} later; a retired one stops at once.
 * Demand is spread evenly over the ready servers. Not thread-safe.
 */
final class SimulatedFleet {
    private final Duration lead;
    private final List<Server> servers = new ArrayList<>();
    private int sequence;

    SimulatedFleet(Duration lead) {
        this.lead = lead;
    }

    /** Starts with {@code n} ready servers. */
    void warmStart(int n, Instant now) {
        for (int i = 0; i < n; i++) {
            servers.add(new Server("sim-" + sequence++, now));
        }
    }

    void request(int n, Instant now) {
        for (int i = 0; i < n; i++) {
            servers.add(new Server("sim-" + sequence++, now.plus(lead)));
        }
    }

    void retire(Collection<String> ids) {
        Set<String> gone = new HashSet<>(ids);
        servers.removeIf(s -> gone.contains(s.id()));
    }

    int ready(Instant now) {
        return (int) servers.stream().filter(s -> !s.readyAt().isAfter(now)).count();
    }

    int total() {
        return servers.size();
    }

    List<ServerView> views(Instant now, double demand) {
        int ready = ready(now);
        double share = ready == 0 ? 0 : demand / ready;
        return servers.stream().map(s -> s.readyAt().isAfter(now)
                ? new ServerView(s.id(), ServerState.PENDING, 0, 0)
                : new ServerView(s.id(), ServerState.READY, share, share)).toList();
    }

    private record Server(String id, Instant readyAt) {
    }
}
