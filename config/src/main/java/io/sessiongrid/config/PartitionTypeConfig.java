package io.sessiongrid.config;

import java.time.Duration;
import java.util.regex.Pattern;

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

    /** Allowed names of partition types and roles: 1-64 characters from {@code A-Z a-z 0-9 . _ -}. */
    public static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** {@code maxBytes} when a partition type does not set it (64 KiB). */
    public static final int DEFAULT_MAX_BYTES = 65_536;
    /** The largest allowed {@code maxBytes} (16 MiB): bigger values make single IMap entries a liability. */
    public static final int MAX_BYTES_LIMIT = 16_777_216;
    /** {@code backupCount} when a partition type does not set it. */
    public static final int DEFAULT_BACKUP_COUNT = 1;
    /** Hazelcast's maximum synchronous backup count. */
    public static final int MAX_BACKUP_COUNT = 6;
}
