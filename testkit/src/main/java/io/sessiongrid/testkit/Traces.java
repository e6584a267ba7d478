package io.sessiongrid.testkit;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared workload traces ({@code ../shared/data/traces}), which are never copied into the repository. */
public final class Traces {
    private Traces() {
    }

    /**
     * The trace file {@code name}, looked up from the module or repository directory upwards; the calling
     * test is skipped with a clear message when the traces folder is absent.
     */
    public static Path require(String name) {
        Path dir = locate();
        Assumptions.assumeTrue(dir != null,
                "skipped: ../shared/data/traces not found above " + Path.of("").toAbsolutePath()
                        + " (the shared workload traces are not part of the repository)");
        Path file = dir.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "skipped: trace " + file + " is absent");
        return file;
    }

    /** The traces folder, or {@code null} when it is not there. */
    public static Path locate() {
        String configured = System.getProperty("sessiongrid.traces");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data/traces").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
