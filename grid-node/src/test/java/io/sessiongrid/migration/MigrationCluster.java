package io.sessiongrid.migration;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.MigrationConfig;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.migration.internal.HazelcastMigrations;
import io.sessiongrid.runtime.NodeOptions;
import io.sessiongrid.testkit.TestClusters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A loopback cluster of SessionGrid nodes for migration tests: every node a server, moves time out in 5 s. */
final class MigrationCluster implements AutoCloseable {
    static final SessionGridConfig CONFIG;

    static {
        SessionGridConfig d = SessionGridConfigLoader.defaults();
        CONFIG = new SessionGridConfig(d.partitions(), d.roles(), d.encryption(), d.analyzer(), d.scaling(), d.sni(),
                new MigrationConfig(Duration.ofSeconds(5), MigrationConfig.ReplayScope.ROLE));
    }

    final String name;
    private final List<SessionGrid> nodes = new ArrayList<>();

    MigrationCluster(Class<?> test) {
        this.name = TestClusters.uniqueName(test);
    }

    SessionGrid member(String role) {
        return start(NodeOptions.builder().config(CONFIG).member(TestClusters.memberConfig(name)).role(role));
    }

    SessionGrid lite(String role) {
        return start(NodeOptions.builder().config(CONFIG).liteMember(TestClusters.memberConfig(name)).role(role));
    }

    SessionGrid client(String role) {
        HazelcastInstance[] members = nodes.stream().filter(n -> n.node().kind().isMember())
                .map(SessionGrid::hazelcast).toArray(HazelcastInstance[]::new);
        ClientConfig config = TestClusters.clientConfig(name, members);
        return start(NodeOptions.builder().config(CONFIG).client(config).role(role));
    }

    private SessionGrid start(NodeOptions.Builder options) {
        SessionGrid grid = SessionGrid.start(options.shutdownHook(false).build());
        synchronized (nodes) {
            nodes.add(grid);
        }
        return grid;
    }

    static String id(SessionGrid grid) {
        return grid.node().serverId();
    }

    static HazelcastMigrations internals(SessionGrid grid) {
        return (HazelcastMigrations) grid.migrations();
    }

    /** Writes the four default partition types of a session, each with {@code elements} elements. */
    static Map<String, Map<String, String>> seed(SessionGrid via, String sessionId, int elements) {
        Map<String, Map<String, String>> written = new LinkedHashMap<>();
        for (String type : CONFIG.partitions().keySet()) {
            Map<String, String> data = new LinkedHashMap<>();
            for (int i = 0; i < elements; i++) {
                data.put("e" + i, type + "-" + sessionId + "-" + i);
            }
            via.sessions().set(sessionId, type, data);
            written.put(type, data);
        }
        return written;
    }

    @Override
    public void close() {
        List<SessionGrid> reverse = new ArrayList<>(nodes);
        java.util.Collections.reverse(reverse);
        for (SessionGrid n : reverse) {
            try {
                if (n.hazelcast().getLifecycleService().isRunning()) {
                    n.close();
                }
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }
}
