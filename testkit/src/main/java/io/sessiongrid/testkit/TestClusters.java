package io.sessiongrid.testkit;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.HazelcastInstance;

import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Member and client configurations for test clusters on one machine: a unique cluster name, 127.0.0.1 only,
 * TCP-IP join with multicast and auto-detection off, phone-home off, logging through SLF4J.
 * Test members listen from port {@value #BASE_PORT} up so that a demo member on 5701 never joins a test.
 */
public final class TestClusters {
    public static final int BASE_PORT = 5801;
    private static final int PORT_COUNT = 40;
    private static final int JOIN_PORT_TRIES = 20;
    private static final AtomicInteger SEQ = new AtomicInteger();

    private TestClusters() {
    }

    /** A cluster name no other test class or run shares. */
    public static String uniqueName(Class<?> testClass) {
        return testClass.getSimpleName() + "-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A member bound to 127.0.0.1 that joins only members of {@code clusterName} over TCP-IP. Jet is enabled. */
    public static Config memberConfig(String clusterName) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        // Short timeouts so that a terminated member is noticed in seconds, not a minute.
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        config.getJetConfig().setEnabled(true);
        config.getNetworkConfig().setPort(BASE_PORT).setPortAutoIncrement(true).setPortCount(PORT_COUNT);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        // A member address without a port makes the joiner try the ports from BASE_PORT up.
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
        config.setProperty("hazelcast.tcp.join.port.try.count", String.valueOf(JOIN_PORT_TRIES));
        return config;
    }

    /** A client of {@code clusterName} that lists exactly the addresses where the given members listen. */
    public static ClientConfig clientConfig(String clusterName, HazelcastInstance... members) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getNetworkConfig().setSmartRouting(true);
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(30_000);
        for (HazelcastInstance member : members) {
            InetSocketAddress address = (InetSocketAddress) member.getLocalEndpoint().getSocketAddress();
            config.getNetworkConfig().addAddress("127.0.0.1:" + address.getPort());
        }
        return config;
    }

    /** Shuts down the instances that were started, clients first, for a test class's {@code @AfterAll}. */
    public static void shutdown(HazelcastInstance... clientsThenMembers) {
        for (HazelcastInstance instance : clientsThenMembers) {
            if (instance != null) {
                instance.shutdown();
            }
        }
    }
}
