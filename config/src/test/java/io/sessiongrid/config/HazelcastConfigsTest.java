package io.sessiongrid.config;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds Config objects only; no member or client is started. */
class HazelcastConfigsTest {
    @TempDir
    Path dir;

    @Test
    void memberDefaults() {
        Config c = HazelcastConfigs.member(null);
        assertEquals("sessiongrid", c.getClusterName());
        assertTrue(c.getJetConfig().isEnabled());
        assertFalse(c.getJetConfig().isResourceUploadEnabled());
        assertEquals(5701, c.getNetworkConfig().getPort());
        assertTrue(c.getNetworkConfig().isPortAutoIncrement());
        assertTrue(c.getNetworkConfig().getInterfaces().isEnabled());
        assertEquals(List.of("127.0.0.1"), List.copyOf(c.getNetworkConfig().getInterfaces().getInterfaces()));
        JoinConfig join = c.getNetworkConfig().getJoin();
        assertFalse(join.getMulticastConfig().isEnabled());
        assertFalse(join.getAutoDetectionConfig().isEnabled());
        assertTrue(join.getTcpIpConfig().isEnabled());
        assertEquals(List.of("127.0.0.1"), join.getTcpIpConfig().getMembers());
        assertEquals("10", c.getProperty("hazelcast.tcp.join.port.try.count"));
        assertEquals("false", c.getProperty("hazelcast.phone.home.enabled"));
        assertEquals("slf4j", c.getProperty("hazelcast.logging.type"));
        assertEquals("false", c.getProperty("hazelcast.socket.bind.any"));
    }

    @Test
    void clientDefaults() {
        ClientConfig c = HazelcastConfigs.client(null);
        assertEquals("sessiongrid", c.getClusterName());
        assertEquals(List.of("127.0.0.1:5701"), c.getNetworkConfig().getAddresses());
        assertEquals(30_000, c.getConnectionStrategyConfig().getConnectionRetryConfig().getClusterConnectTimeoutMillis());
    }

    @Test
    void customMemberFile() throws IOException {
        Path f = Files.writeString(dir.resolve("member.yaml"), """
                hazelcast:
                  cluster-name: custom
                  network:
                    port: { port: 6701 }
                """);
        Config c = HazelcastConfigs.member(f);
        assertEquals("custom", c.getClusterName());
        assertEquals(6701, c.getNetworkConfig().getPort());
        assertFalse(c.getJetConfig().isEnabled(), "a custom file is not merged with the defaults");
    }

    @Test
    void customClientFile() throws IOException {
        Path f = Files.writeString(dir.resolve("client.yaml"), """
                hazelcast-client:
                  cluster-name: custom
                  network:
                    cluster-members: [10.0.0.1:5701]
                """);
        ClientConfig c = HazelcastConfigs.client(f);
        assertEquals("custom", c.getClusterName());
        assertEquals(List.of("10.0.0.1:5701"), c.getNetworkConfig().getAddresses());
    }

    @Test
    void badMemberFileIsNamed() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.yaml"), "hazelcast:\n  network: [\n");
        ConfigException e = assertThrows(ConfigException.class, () -> HazelcastConfigs.member(f));
        assertEquals(f.toString(), e.source());
        assertTrue(e.getMessage().startsWith(f + ": "), e::getMessage);
    }

    @Test
    void clientFileGivenAsMemberFileIsRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("client.yaml"), "hazelcast-client:\n  cluster-name: x\n");
        ConfigException e = assertThrows(ConfigException.class, () -> HazelcastConfigs.member(f));
        assertEquals(f.toString(), e.source());
        assertTrue(e.getMessage().contains("the root key must be 'hazelcast:'; found [hazelcast-client]"), e::getMessage);
    }

    @Test
    void valueRejectedByHazelcastIsNamed() throws IOException {
        Path f = Files.writeString(dir.resolve("typo.yaml"), "hazelcast:\n  clusterName: x\n");
        ConfigException e = assertThrows(ConfigException.class, () -> HazelcastConfigs.member(f));
        assertEquals(f.toString(), e.source());
        assertTrue(e.getMessage().contains("rejected by Hazelcast") && e.getMessage().contains("clusterName"), e::getMessage);
    }

    @Test
    void missingFileIsNamed() {
        Path f = dir.resolve("missing.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> HazelcastConfigs.client(f));
        assertEquals(f.toString(), e.source());
        assertTrue(e.getMessage().contains("file not found"), e::getMessage);
    }
}
