package io.sessiongrid.workload;

import io.sessiongrid.provision.LocalCommand;

import java.time.Duration;
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

    /** {@code base} whose servers run workload {@code spec} ({@code builtin} or a trace file) with this day and rate. */
    public static LocalCommand command(LocalCommand base, String spec, Duration day, double peakRate) {
        List<String> prefix = new ArrayList<>(base.prefix());
        // right after the java executable: JVM options must come before -cp/-jar and the main class
        prefix.addAll(1, List.of("-Dsessiongrid.workload=" + spec,
                "-Dsessiongrid.workload.day=" + day.toMillis() + "ms",
                String.format(Locale.ROOT, "-Dsessiongrid.workload.rate=%s", peakRate)));
        return new LocalCommand(prefix, base.workDir(), base.config(), base.hazelcast(), base.stopTimeout(),
                base.readyPattern());
    }
}
