package io.sessiongrid.workload;

import io.sessiongrid.config.HazelcastConfigs;
import io.sessiongrid.provision.LocalCommand;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Server processes that run the workload: the local-process provisioner starts {@code <prefix> start --lite --role
 * R}, so the workload travels as JVM properties in the prefix, which {@code start}'s {@code --workload},
 * {@code --workload-day} and {@code --workload-rate} take as their defaults.
 */
public final class WorkloadProcesses {
    private WorkloadProcesses() {
    }

    /**
     * SessionGrid's default member YAML ({@link HazelcastConfigs#MEMBER_DEFAULT_RESOURCE}: loopback, TCP/IP join on
     * 127.0.0.1) with another cluster name, for a test's, a benchmark's or the demo's own cluster of processes.
     */
    public static String memberYaml(String clusterName) {
        if (!clusterName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("cluster name: letters, digits, '.', '_' and '-' only, got '"
                    + clusterName + "'");
        }
        try (InputStream in = HazelcastConfigs.class.getClassLoader()
                .getResourceAsStream(HazelcastConfigs.MEMBER_DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(HazelcastConfigs.MEMBER_DEFAULT_RESOURCE + " is not on the class path");
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String named = yaml.replaceFirst("(?m)^  cluster-name: \\S+$", "  cluster-name: " + clusterName);
            if (named.equals(yaml)) {
                throw new IllegalStateException("no cluster-name line in " + HazelcastConfigs.MEMBER_DEFAULT_RESOURCE);
            }
            return named;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project this code runs from: {@code grid-node/target/classes} (or its jar) is three levels below it. */
    public static Path projectRoot() {
        try {
            Path code = Path.of(WorkloadProcesses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the project from " + WorkloadProcesses.class, e);
        }
    }

    /** {@code base} whose servers run workload {@code spec} ({@code builtin} or a trace file) with this day and rate. */
    public static LocalCommand command(LocalCommand base, String spec, Duration day, double peakRate) {
        return command(base, spec, day, peakRate, Workload.ORIGIN);
    }

    /** As above, with the workload's day 0 at {@code origin} (the demo starts its day when it starts). */
    public static LocalCommand command(LocalCommand base, String spec, Duration day, double peakRate, Instant origin) {
        List<String> prefix = new ArrayList<>(base.prefix());
        // right after the java executable: JVM options must come before -cp/-jar and the main class
        prefix.addAll(1, List.of("-Dsessiongrid.workload=" + spec,
                "-Dsessiongrid.workload.day=" + day.toMillis() + "ms",
                String.format(Locale.ROOT, "-Dsessiongrid.workload.rate=%s", peakRate),
                "-Dsessiongrid.workload.origin=" + origin.toEpochMilli()));
        return new LocalCommand(prefix, base.workDir(), base.config(), base.hazelcast(), base.stopTimeout(),
                base.readyPattern());
    }
}
