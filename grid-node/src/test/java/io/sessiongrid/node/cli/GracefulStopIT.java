package io.sessiongrid.node.cli;

import com.hazelcast.client.config.ClientConfig;
import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.provision.ServerProcessFixtures;
import io.sessiongrid.session.SessionStore;
import io.sessiongrid.testkit.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./sessiongrid start} servers as real processes, started the way the launcher starts them: three data
 * members (backup count 1) hold sessions; two of them get SIGTERM one after the other; each stops gracefully
 * (one line, exit 0, no stack trace) and every session reads back.
 */
class GracefulStopIT {
    private static final SessionGridConfig CONFIG = SessionGridConfigLoader.defaults(); // backupCount 1
    private static final int SESSIONS = 300;
    private static final Pattern ADDRESS = Pattern.compile("SessionGrid member \\[127\\.0\\.0\\.1]:(\\d+) up in cluster");
    private static final List<Server> SERVERS = new ArrayList<>();

    record Server(Process process, Path log) {
        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        int port() {
            Matcher m = ADDRESS.matcher(output());
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }
    }

    @AfterAll
    static void killLeftovers() {
        SERVERS.forEach(s -> s.process().destroyForcibly());
    }

    @Test
    void sigtermedServersHandTheirDataOverAndExitZero() throws Exception {
        String cluster = TestClusters.uniqueName(GracefulStopIT.class);
        Path dir = Files.createDirectories(Path.of("target", "graceful-stop-it", cluster));
        Path memberYaml = dir.resolve("member.yaml");
        Files.writeString(memberYaml, ServerProcessFixtures.memberYaml(cluster));
        // The third server is tied to a stand-in parent process (as the demo ties its servers to itself).
        Process parent = new ProcessBuilder("sleep", "600").start();
        for (int i = 0; i < 3; i++) {
            List<String> extra = i == 2 ? List.of("--exit-with", String.valueOf(parent.pid())) : List.of();
            SERVERS.add(startServer(memberYaml, dir.resolve("server-" + i + ".log"), extra));
        }
        for (Server s : SERVERS) {
            await().atMost(Duration.ofMinutes(5)).until(() -> s.port() > 0 || !s.process().isAlive()); // generous: a loaded CI box
            assertTrue(s.process().isAlive(), s.output());
        }
        ClientConfig clientConfig = new ClientConfig().setClusterName(cluster);
        clientConfig.setProperty("hazelcast.logging.type", "slf4j");
        SERVERS.forEach(s -> clientConfig.getNetworkConfig().addAddress("127.0.0.1:" + s.port()));
        try (SessionGrid client = SessionGrid.client(CONFIG, clientConfig)) {
            SessionStore sessions = client.sessions();
            for (int i = 0; i < SESSIONS; i++) {
                sessions.set("s-" + i, "cart", Map.of("sku", String.valueOf(i)));
                sessions.set("s-" + i, "auth", Map.of("token", "t-" + i));
            }
            for (int victim = 0; victim < 2; victim++) {
                Server s = SERVERS.get(victim);
                s.process().destroy(); // SIGTERM
                assertTrue(s.process().waitFor(3, TimeUnit.MINUTES), "graceful stop within its bound: " + s.output());
                String out = s.output();
                assertEquals(0, s.process().exitValue(), out);
                int stop = out.indexOf("SIGTERM: stopping gracefully");
                assertTrue(stop >= 0, out);
                // Membership events are asynchronous: the previous victim's departure may reach this server just
                // after its own SIGTERM, as our "member left" line and as Hazelcast's own warnings about that member
                // (connection refused, suspected dead, a new master). Those are about another member, not this stop;
                // an error, a stack trace or any other line of ours would still fail here.
                String stopping = out.substring(stop).lines()
                        .filter(l -> !l.contains("io.sessiongrid.cluster - member left"))
                        .filter(l -> !l.matches(".* WARN com\\.hazelcast\\.internal\\.(cluster|server\\.tcp)\\..*"))
                        .collect(java.util.stream.Collectors.joining("\n"));
                assertEquals(1, stopping.lines().count(), "the stop says one line, nothing else: " + stopping);
                assertEquals(SESSIONS, readBack(sessions), "every session after SIGTERM to server " + victim);
            }
        }
        Server survivor = SERVERS.get(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> survivor.output().contains("member left"));
        parent.destroyForcibly(); // kill -9 of the process it is tied to: it stops gracefully on its own
        assertTrue(survivor.process().waitFor(2, TimeUnit.MINUTES), survivor.output());
        assertEquals(0, survivor.process().exitValue(), survivor.output());
        assertTrue(survivor.output().contains("process " + parent.pid() + " ended: stopping gracefully"),
                survivor.output());
    }

    private static int readBack(SessionStore sessions) {
        int found = 0;
        for (int i = 0; i < SESSIONS; i++) {
            String v = String.valueOf(i);
            if (sessions.get("s-" + i, "cart").map(p -> v.equals(p.elements().get("sku"))).orElse(false)
                    && sessions.get("s-" + i, "auth").map(p -> ("t-" + v).equals(p.elements().get("token"))).orElse(false)) {
                found++;
            }
        }
        return found;
    }

    /** java with the launcher's classpath (target/classes + target/classpath.txt) and JVM flags. */
    private static Server startServer(Path memberYaml, Path log, List<String> extra) throws IOException {
        Path classpathFile = Path.of("target", "classpath.txt");
        assertTrue(Files.exists(classpathFile), "mvn package writes " + classpathFile.toAbsolutePath());
        String classpath = Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(classpathFile).trim();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("--enable-native-access")) {
                command.add(arg); // the Hazelcast flags the launcher passes too
            }
        }
        command.addAll(List.of("-Dhazelcast.phone.home.enabled=false", "-Dhazelcast.logging.type=slf4j",
                // Log levels as every `sessiongrid` command sets them (SessionGridCli.main): not passed here.
                "-Djava.net.preferIPv4Stack=true", "-Dorg.bytedeco.javacpp.cachedir=target/javacpp",
                "-cp", classpath, "io.sessiongrid.node.cli.SessionGridCli",
                "start", "--hazelcast", memberYaml.toString(), "--shutdown-timeout", "120"));
        command.addAll(extra);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Server(p, log);
    }
}
