package io.sessiongrid.node.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What {@code ./sessiongrid demo} runs.
 *
 * @param duration    one compressed day of the workload: the run lasts this long, plus start-up and wind-down
 * @param trace       a {@code timestamp,value} CSV to replay instead of the built-in day (its first day is played)
 * @param connections application connections, one session each
 * @param outDir      where {@code summary.json}, {@code report.html} and the servers' files go
 */
public record StoryOptions(Duration duration, Optional<Path> trace, int connections, Path outDir) {
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(120);
    public static final Duration MIN_DURATION = Duration.ofSeconds(40);
    public static final Duration MAX_DURATION = Duration.ofHours(2);
    public static final int DEFAULT_CONNECTIONS = 240;
    public static final int MIN_CONNECTIONS = 10;
    public static final int MAX_CONNECTIONS = 20_000;

    /**
     * @throws IllegalArgumentException naming the value that is out of range and the allowed range
     */
    public StoryOptions {
        if (duration == null || duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("--duration must be between " + MIN_DURATION.toSeconds() + "s and "
                    + MAX_DURATION.toMinutes() + "m (one compressed day: a ramp, a peak and the fall after it), got "
                    + (duration == null ? "nothing" : duration.toSeconds() + "s"));
        }
        if (connections < MIN_CONNECTIONS || connections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("--connections must be between " + MIN_CONNECTIONS + " and "
                    + MAX_CONNECTIONS + ", got " + connections);
        }
        trace = trace == null ? Optional.empty() : trace;
        if (outDir == null) {
            throw new IllegalArgumentException("the output directory is required");
        }
    }

    public static StoryOptions defaults() {
        return new StoryOptions(DEFAULT_DURATION, Optional.empty(), DEFAULT_CONNECTIONS, Path.of("target", "demo"));
    }
}
