package io.sessiongrid.session;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Session state split into named functional partitions, stored in Hazelcast.
 *
 * <p>Identifiers: a session id is 1-{@value Names#MAX_ID_LENGTH} characters of {@code [A-Za-z0-9._:@-]};
 * partition and element names match {@code [A-Za-z0-9._-]{1,64}}. Element values are strings (use Base64
 * for binary data). The size of a partition is the UTF-8 size of its encoded elements and may not pass
 * its type's {@code maxBytes}.
 *
 * <p>Versions work like ETags: every write gives the partition a new version, unique in the cluster and
 * roughly increasing with time (a Hazelcast {@code FlakeIdGenerator} id, handed out in batches so that it
 * costs no round trip). Compare versions for equality only; a partition that does not exist has version
 * {@value #ABSENT}. A write that changes nothing (removing an absent element) keeps the version.
 *
 * <p>Every call is one round trip to the member owning the partition (a session's co-located partitions
 * share one member), except {@link #partitions} and {@link #delete}, which visit every partition type
 * concurrently. A plain {@link #set} is a single IMap {@code set}; conditional writes and deltas are entry
 * processors on the owner. An operation whose outcome a member loss left unknown is retried when repeating
 * it is safe (reads, {@code set}, deltas) or resolved by its version ({@code setIfVersion}); no call returns
 * before the write and its backups are confirmed. All methods are thread-safe.
 */
public interface SessionStore {

    /** The version of a partition that does not exist; {@link #setIfVersion} with it means "create". */
    long ABSENT = 0;

    /** The partition types that exist for this session, in configuration order. */
    Set<String> partitions(String sessionId);

    /** The partition, or empty if the session has no such partition (or it expired). */
    Optional<SessionPartition> get(String sessionId, String partition);

    /**
     * Replaces the whole partition with {@code elements}, creating it if needed.
     *
     * @return the new version
     */
    long set(String sessionId, String partition, Map<String, String> elements);

    /**
     * Replaces the whole partition only if its version is still {@code expectedVersion}
     * ({@link #ABSENT}: only if it does not exist).
     *
     * @return the new version
     * @throws VersionConflictException if another writer got there first; nothing is written
     */
    long setIfVersion(String sessionId, String partition, long expectedVersion, Map<String, String> elements);

    /**
     * Sets one element of an existing partition. Only the element crosses the network; the partition is
     * changed in place on its owner (for encrypted types, see the package doc of the implementation).
     *
     * @return the new version
     * @throws PartitionNotFoundException if the partition does not exist
     * @throws PartitionTooLargeException if the result would pass the type's limit; nothing is written
     */
    long put(String sessionId, String partition, String element, String value);

    /**
     * Removes one element of an existing partition; removing an absent element changes nothing.
     *
     * @return the version after the call
     * @throws PartitionNotFoundException if the partition does not exist
     */
    long remove(String sessionId, String partition, String element);

    /**
     * Deletes every partition of the session.
     *
     * @return how many partitions were deleted
     */
    int delete(String sessionId);

    /**
     * Seals every partition of an encrypted type again with the primary key of the configured keyset, so that older
     * keys can be dropped (see {@link EncryptionKeysets}). Content and versions do not change; a partition written
     * meanwhile is left as it is (its writer sealed it with the primary key). Reads every key of the type's map:
     * run it as an administrative task, not on a request path.
     *
     * @return how many partitions were sealed again (those sealed with the primary key already are not counted)
     * @throws UnknownPartitionTypeException if the type is not configured
     * @throws EncryptionException if the type is not encrypted, or a payload's key is not in the keyset
     */
    int reseal(String partitionType);
}
