package io.sessiongrid.provision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the local-process provisioner starts a server: the command (up to, not including, {@code start}), the
 * working directory, the optional plugin and Hazelcast configuration files, how long a graceful stop may take,
 * and the output line that says the server is ready (group 1: its address).
 *
 * @param prefix      the command before {@code start ...}
 * @param workDir     where the process runs
 * @param config      {@code --config} for the servers, if any
 * @param hazelcast   {@code --hazelcast} for the servers, if any
 * @param stopTimeout how long after SIGTERM a server may take before it is killed
 * @param readyPattern the output line that marks readiness; group 1 is the member address
 */
public record LocalCommand(List<String> prefix, Path workDir, Optional<Path> config, Optional<Path> hazelcast,
                           Duration stopTimeout, Pattern readyPattern) {

    /** What {@code ./sessiongrid start} prints once its member has joined the cluster. */
    public static final Pattern DEFAULT_READY = Pattern.compile("SessionGrid member (\\S+) up");
    /** Graceful shutdown moves a data member's partitions; a lite member has none, so this is ample. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofMinutes(2);
    /** The JVM flags of the {@code ./sessiongrid} launcher (STACK.md), and a graceful Hazelcast shutdown hook. */
    static final List<String> JVM_FLAGS = List.of("--add-modules", "java.se",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--enable-native-access=ALL-UNNAMED", "-Dhazelcast.phone.home.enabled=false",
            "-Dhazelcast.logging.type=slf4j",
            "-Djava.net.preferIPv4Stack=true", "-Dhazelcast.shutdownhook.policy=GRACEFUL");

    public LocalCommand {
        prefix = List.copyOf(prefix);
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("the server command is empty");
        }
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(hazelcast, "hazelcast");
        Objects.requireNonNull(readyPattern, "readyPattern");
        if (stopTimeout.isNegative() || stopTimeout.isZero()) {
            throw new IllegalArgumentException("stopTimeout must be > 0, got " + stopTimeout);
        }
    }

    /**
     * The launcher's command for the project at {@code root}: this JVM's {@code java}, the launcher's flags, and
     * {@code grid-node/target/classes} plus {@code grid-node/target/classpath.txt} (written by {@code mvn package}).
     *
     * @throws IllegalStateException when the project is not built
     */
    public static LocalCommand sessiongrid(Path root, Optional<Path> config, Optional<Path> hazelcast) {
        Path classes = root.resolve("grid-node/target/classes");
        Path classpath = root.resolve("grid-node/target/classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classpath)) {
            throw new IllegalStateException("the project at " + root.toAbsolutePath() + " is not built: "
                    + classes + " or " + classpath + " is missing; run ./sessiongrid --help (or mvn package) once");
        }
        String cp;
        try {
            cp = classes.toAbsolutePath() + java.io.File.pathSeparator + Files.readString(classpath).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classpath, e);
        }
        List<String> prefix = new ArrayList<>();
        prefix.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        prefix.addAll(JVM_FLAGS);
        prefix.add("-Dorg.bytedeco.javacpp.cachedir=" + root.toAbsolutePath().resolve("target/javacpp"));
        prefix.addAll(List.of("-cp", cp, "io.sessiongrid.node.cli.SessionGridCli"));
        return new LocalCommand(prefix, root, config, hazelcast, DEFAULT_STOP_TIMEOUT, DEFAULT_READY);
    }

    /** The whole command for a server of {@code role}. */
    public List<String> forRole(String role) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("start", "--lite", "--role", role));
        config.ifPresent(f -> cmd.addAll(List.of("--config", f.toAbsolutePath().toString())));
        hazelcast.ifPresent(f -> cmd.addAll(List.of("--hazelcast", f.toAbsolutePath().toString())));
        return cmd;
    }

    /** This command with another stop timeout. */
    public LocalCommand withStopTimeout(Duration timeout) {
        return new LocalCommand(prefix, workDir, config, hazelcast, timeout, readyPattern);
    }
}
