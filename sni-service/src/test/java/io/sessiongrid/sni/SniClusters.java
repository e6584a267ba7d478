package io.sessiongrid.sni;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.SniConfig;
import io.sessiongrid.testkit.TestClusters;

import java.util.List;

/** TestClusters configs plus the SNI maps and serializers. */
final class SniClusters {
    private SniClusters() {
    }

    static Config member(String cluster, SniConfig config, int expectedMembers) {
        Config c = TestClusters.memberConfig(cluster);
        c.getJetConfig().setEnabled(false);
        // TestClusters lists "127.0.0.1:5801-5840", which Hazelcast 5.7 cannot parse once interfaces are enabled
        // (NumberFormatException in DefaultAddressPicker): list the host and let the joiner try the port range.
        c.getNetworkConfig().getJoin().getTcpIpConfig().setMembers(List.of("127.0.0.1"));
        c.setProperty("hazelcast.tcp.join.port.try.count", "40");
        return SniMaps.configure(c, config, expectedMembers);
    }

    static ClientConfig client(String cluster, HazelcastInstance... members) {
        ClientConfig c = TestClusters.clientConfig(cluster, members);
        SniSerialization.register(c.getSerializationConfig());
        return c;
    }
}
