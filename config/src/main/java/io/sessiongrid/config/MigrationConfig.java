package io.sessiongrid.config;

import java.time.Duration;

/**
 * How connections move between servers. (A server's role and redirect address are node options: {@code --role}
 * and {@code NodeOptions}.)
 *
 * @param moveTimeout a move whose target has not accepted within this time rolls back to its source
 * @param replay      what a target copies when a connection moves to it
 */
public record MigrationConfig(Duration moveTimeout, ReplayScope replay) {

    /** The defaults, for configurations built in code without this section. */
    public static MigrationConfig defaults() {
        return new MigrationConfig(Duration.ofSeconds(10), ReplayScope.ROLE);
    }

    /** What a move's target copies of the session. */
    public enum ReplayScope {
        /** Exactly the partition types the target's role needs (selective replay). */
        ROLE,
        /** Every partition type of the session (full replay: the baseline selective replay is measured against). */
        ALL
    }
}
