package io.sessiongrid.sni;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.SniConfig;
import io.sessiongrid.testkit.TestClusters;

/** Loopback members and clients configured for the SNI service, shared by this module's cluster tests. */
final class SniTestCluster {
    private SniTestCluster() {
    }

    /** A member with the SNI maps; split-brain protection follows {@code expectedMembers}. */
    static HazelcastInstance member(String cluster, SniConfig config, int expectedMembers) {
        return Hazelcast.newHazelcastInstance(SniMaps.configure(TestClusters.memberConfig(cluster), config, expectedMembers));
    }

    /** A client with the SNI serializers that connects to exactly the given members. */
    static HazelcastInstance client(String cluster, HazelcastInstance... members) {
        ClientConfig config = TestClusters.clientConfig(cluster, members);
        SniSerialization.register(config.getSerializationConfig());
        return HazelcastClient.newHazelcastClient(config);
    }
}
