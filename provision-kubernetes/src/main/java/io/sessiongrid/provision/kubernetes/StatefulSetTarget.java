package io.sessiongrid.provision.kubernetes;

import java.time.Duration;
import java.util.Objects;

/**
 * Which StatefulSet the provisioner scales, and how.
 *
 * @param namespace    its namespace
 * @param name         its name; its pods are {@code <name>-<ordinal>}
 * @param role         the server role its pods run ({@code start --lite --role <role>} in the manifest)
 * @param pollInterval how often pods are read for readiness and deaths
 * @param port         the Hazelcast port of the pods, for their addresses
 */
public record StatefulSetTarget(String namespace, String name, String role, Duration pollInterval, int port) {
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(2);
    public static final int DEFAULT_PORT = 5701;

    public StatefulSetTarget {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (pollInterval.isNegative() || pollInterval.isZero() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("pollInterval must be > 0 and port in 1..65535, got " + pollInterval
                    + " and " + port);
        }
    }
}
