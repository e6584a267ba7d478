package io.sessiongrid.provision;

import io.sessiongrid.testkit.TestClusters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** What tests that start real server JVMs share: the member YAML of a test cluster and the launcher's command. */
public final class ServerProcessFixtures {

    private ServerProcessFixtures() {
    }

    /**
     * The launcher's command for servers that join with {@code memberYaml}. Tests run in {@code grid-node/}; the
     * project root is its parent (built: {@code verify} runs after {@code package}).
     */
    public static LocalCommand command(Path memberYaml) {
        return LocalCommand.sessiongrid(Path.of("..").toAbsolutePath().normalize(), Optional.empty(),
                Optional.of(memberYaml)).withStopTimeout(Duration.ofSeconds(60));
    }

    /** The member settings of {@link TestClusters#memberConfig} as YAML, for a server process. */
    public static String memberYaml(String cluster) {
        return """
                hazelcast:
                  cluster-name: %s
                  properties:
                    hazelcast.phone.home.enabled: false
                    hazelcast.logging.type: slf4j
                    hazelcast.max.no.heartbeat.seconds: 10
                    hazelcast.heartbeat.interval.seconds: 1
                    hazelcast.tcp.join.port.try.count: 20
                  jet:
                    enabled: true
                  network:
                    port:
                      port: %d
                      auto-increment: true
                      port-count: 40
                    interfaces:
                      enabled: true
                      interfaces: [127.0.0.1]
                    join:
                      multicast:
                        enabled: false
                      auto-detection:
                        enabled: false
                      tcp-ip:
                        enabled: true
                        member-list: [127.0.0.1]
                """.formatted(cluster, TestClusters.BASE_PORT);
    }
}
