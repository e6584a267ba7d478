package io.sessiongrid.config;

import java.time.Duration;

/**
 * This node as a server, and how connections move between servers.
 *
 * @param role            the role this node serves (a key of {@code roles}), or {@code null} for none (it then
 *                        needs every partition type and keeps no warm copy); {@code --role} overrides it
 * @param redirectAddress where applications reconnect to reach this server ({@code host:port} or a URL), or
 *                        {@code null} for the node's Hazelcast host
 * @param moveTimeout     a move whose target has not accepted within this time rolls back to its source
 * @param replay          what a target copies when a connection moves to it
 */
public record MigrationConfig(String role, String redirectAddress, Duration moveTimeout, ReplayScope replay) {

    /** The defaults, for configurations built in code without this section. */
    public static MigrationConfig defaults() {
        return new MigrationConfig(null, null, Duration.ofSeconds(10), ReplayScope.ROLE);
    }

    /** What a move's target copies of the session. */
    public enum ReplayScope {
        /** Exactly the partition types the target's role needs (selective replay). */
        ROLE,
        /** Every partition type the session holds (full replay: the baseline selective replay is measured against). */
        ALL
    }
}
