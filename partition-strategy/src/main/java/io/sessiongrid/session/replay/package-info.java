/**
 * Selective replay: when a connection moves to another server, that server copies exactly the partition types
 * its role needs of the connection's session, fenced on the partitions' versions.
 *
 * <h2>The warm copy is a Hazelcast Near Cache</h2>
 * A server keeps a Near Cache on the maps of its role's partition types (and only those), configured at start
 * with {@link io.sessiongrid.session.replay.SessionReplays#configureMember} or {@code configureClient}. A move
 * warms it with one {@code getAll} per type for the moved sessions, so the target's reads of those partitions
 * through the ordinary {@link io.sessiongrid.session.SessionStore} are answered locally, with no network round
 * trip and no second API. We chose the Near Cache over a plugin-held copy because Hazelcast already does the hard
 * part: every write on the owner sends an invalidation to every Near Cache holding the key (members, lite members
 * and clients alike), a read racing an invalidation never stores the stale value (Near Cache reservations), and
 * sequence numbers with periodic repair catch lost invalidations. A plugin copy would have to rebuild all of that
 * with entry listeners. Costs: memory on the target (bounded, LRU, {@value
 * io.sessiongrid.session.replay.SessionReplays#WARM_COPY_ENTRIES} entries per type), one invalidation event per
 * write per caching node, and the consistency below. On a data member, the partitions it owns itself are not
 * cached (it reads them locally anyway); a lite member or client caches every key.
 *
 * <h2>Consistency</h2>
 * <ul>
 *   <li>Invalidation batching is off on every member ({@value
 *       io.sessiongrid.session.replay.SessionReplays#INVALIDATION_BATCHING} = false), so an invalidation leaves
 *       with the write instead of up to 10 s later in a batch.</li>
 *   <li>At a move, the target fences its copy: {@link io.sessiongrid.session.replay.SessionReplay#fence}
 *       reads each partition's version on its owner ({@code VersionProbe}, a few bytes) and re-reads until the
 *       copy holds exactly that version. The migration runs the fence after the ownership flip and only then
 *       accepts the connection, so every write acknowledged before the flip, through any node, is in the copy
 *       when the application is told to redirect.</li>
 *   <li>After the move, the copy is eventually consistent for writes made on other nodes: such a write becomes
 *       visible on the target when its invalidation arrives (about a millisecond on a LAN); writes through the
 *       target itself are visible to it at once (its proxy invalidates its own entry). Conditional writes
 *       ({@code setIfVersion}, encrypted deltas) are checked on the owner, so a stale read can cause a
 *       {@code VersionConflictException}, never a lost update.</li>
 *   <li>Encrypted types are copied as ciphertext; the target needs the key only to read them.</li>
 * </ul>
 * A node without a role keeps no warm copy (it would have to cache every type); its reads go to the owners.
 */
package io.sessiongrid.session.replay;
