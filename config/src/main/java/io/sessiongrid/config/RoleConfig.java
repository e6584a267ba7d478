package io.sessiongrid.config;

import java.util.List;

/**
 * A server role and the partition types a server in that role needs; selective replay copies exactly these.
 *
 * @param name       the role, {@code [A-Za-z0-9._-]{1,64}}
 * @param partitions names of configured partition types, in order, without duplicates
 */
public record RoleConfig(String name, List<String> partitions) {
    public RoleConfig {
        partitions = List.copyOf(partitions);
    }
}
