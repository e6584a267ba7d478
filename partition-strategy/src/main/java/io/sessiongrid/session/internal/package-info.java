/**
 * The IMap implementation of the session store. Not API: may change without notice.
 *
 * <h2>Storage layout</h2>
 * One IMap per partition type, named {@code sessiongrid.partition.<type>}. One map per type (rather than
 * one map with composite keys) because each type has its own TTL, backup count and size limit, which
 * Hazelcast configures per map; and because operators see each type as its own map (and SQL mapping)
 * in Management Center.
 *
 * <p>Keys are {@link io.sessiongrid.session.internal.SessionKey}s: {@code PartitionAware}, so clients
 * and members route them identically (a member-only {@code PartitioningStrategy} is ignored by clients).
 * With {@code placement: session} the partition key is the session id, so every co-located partition of
 * a session, and every other session-owned record keyed the same way, lands on one Hazelcast partition;
 * with {@code placement: spread} it is {@code sessionId/partition}, so a session's large partitions spread.
 *
 * <p>Values are {@link io.sessiongrid.session.internal.StoredPartition}s in Compact serialization: the
 * elements as one JSON object string (readable with {@code JSON_VALUE} in Hazelcast SQL and by non-Java
 * clients), a version and the write time. Encrypted types hold a sealed payload instead
 * ({@link io.sessiongrid.session.internal.PayloadCipher}: a Tink keyset, each payload naming its key). Readers
 * tolerate fields a record written by SQL or another client lacks; a record that breaks an invariant is reported
 * as {@link io.sessiongrid.session.CorruptPartitionException} for that partition only.
 *
 * <h2>Writes</h2>
 * Versions are ids from a cluster-wide {@code FlakeIdGenerator}, assigned by the writer. So a plain {@code set}
 * needs nothing from the stored entry and is one IMap {@code set}, as cheap as a raw map write; conditional
 * writes and element deltas are EntryProcessors on the owning member, atomic per key, and a delta sends
 * only the element. Processors run again on backups; since the version and time come from the caller,
 * replicas stay equal. Processors return a
 * {@link io.sessiongrid.session.internal.WriteResult} instead of throwing, because a member's exception does
 * not reach a client as its own type; the caller turns the result into the typed exception.
 * Encrypted types apply deltas as a version-fenced read-modify-write on the caller, because members never
 * hold the key.
 */
package io.sessiongrid.session.internal;
