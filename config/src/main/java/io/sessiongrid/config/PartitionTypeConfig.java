package io.sessiongrid.config;

import java.time.Duration;

/**
 * One functional partition type of a session (auth, cart, game, ...).
 *
 * @param name        the type's name, {@code [A-Za-z0-9._-]{1,64}}
 * @param maxBytes    the largest stored document, in UTF-8 bytes of its elements
 * @param ttl         time to live after the last write; {@link Duration#ZERO} means no expiry
 * @param backupCount synchronous backups kept by Hazelcast (0-6)
 * @param placement   how the type's keys are routed
 * @param encrypted   whether payloads are sealed with AES-GCM before they leave the caller
 */
public record PartitionTypeConfig(
        String name, int maxBytes, Duration ttl, int backupCount, Placement placement, boolean encrypted) {
}
