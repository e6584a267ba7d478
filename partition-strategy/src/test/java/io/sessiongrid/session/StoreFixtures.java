package io.sessiongrid.session;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.AnalyzerConfig;
import io.sessiongrid.config.EncryptionConfig;
import io.sessiongrid.config.PartitionTypeConfig;
import io.sessiongrid.config.Placement;
import io.sessiongrid.config.RoleConfig;
import io.sessiongrid.config.ScalingConfig;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SniConfig;
import io.sessiongrid.testkit.TestClusters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Store configurations and loopback members/clients for this module's tests. */
final class StoreFixtures {
    private StoreFixtures() {
    }

    static PartitionTypeConfig type(String name, int maxBytes, Placement placement) {
        return new PartitionTypeConfig(name, maxBytes, Duration.ZERO, 1, placement, false);
    }

    static SessionGridConfig config(Path keyFile, PartitionTypeConfig... types) {
        Map<String, PartitionTypeConfig> partitions = new LinkedHashMap<>();
        for (PartitionTypeConfig t : types) {
            partitions.put(t.name(), t);
        }
        return new SessionGridConfig(partitions,
                Map.of("edge", new RoleConfig("edge", List.of(types[0].name()))),
                new EncryptionConfig("SESSIONGRID_TEST_KEY_NOT_SET", keyFile),
                new AnalyzerConfig(List.of(Duration.ofSeconds(1)), 100),
                new ScalingConfig(1, 4, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofSeconds(60),
                        20000, 0.7, 0.55, 4, ScalingConfig.Promotion.TROUGH),
                new SniConfig(24, 4096, Duration.ofHours(24), Duration.ofMinutes(10)));
    }

    /** The types most tests use: co-located auth and cart, spread game. */
    static SessionGridConfig standard() {
        return config(null,
                type("auth", 4096, Placement.SESSION),
                type("cart", 16384, Placement.SESSION),
                type("game", 65536, Placement.SPREAD));
    }

    static HazelcastInstance member(String cluster, SessionGridConfig config) {
        Config member = TestClusters.memberConfig(cluster);
        SessionStores.configureMember(member, config);
        return Hazelcast.newHazelcastInstance(member);
    }

    static HazelcastInstance client(String cluster, HazelcastInstance... members) {
        ClientConfig client = TestClusters.clientConfig(cluster, members);
        SessionStores.configureClient(client);
        return HazelcastClient.newHazelcastClient(client);
    }
}
