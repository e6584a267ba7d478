/**
 * Connection migration with selective replay.
 *
 * <h2>Protocol</h2>
 * Every step is an entry processor on the connection's registry entry, conditional on the state it expects, so
 * concurrent callers, dying servers and the clean-up can never interleave badly:
 * <ol>
 *   <li><b>Checks</b> (coordinator: the node {@code migrateConnection} is called on, member or client): the
 *       connection exists, the target is {@code READY}, the target's role has every type the source's role needs
 *       that the session holds, the connection is not already moving. Nothing is written before they all pass.</li>
 *   <li><b>Begin</b>: {@code OWNED -> MOVING}, conditional on the ownership version (one move) or on the source
 *       still owning it (a batch); the target hears of it through a registry listener
 *       ({@link io.sessiongrid.migration.MoveEvent.ExpectConnection}).</li>
 *   <li><b>Copy</b> (target): one bulk read per type its role needs, into its warm copy (a Near Cache: see
 *       {@link io.sessiongrid.session.replay}); never the other types.</li>
 *   <li><b>Flip</b> (target): {@code MOVING -> ACCEPTING}, ownership passes to the target, conditional on the
 *       move.</li>
 *   <li><b>Fence</b> (target): the copy's versions are compared with the owners' <i>after</i> the flip and re-read
 *       until they agree, so every write acknowledged before the flip, through any node, is in the copy.</li>
 *   <li><b>Accept</b> (target): {@code ACCEPTING -> OWNED} by the target; the source hears
 *       {@link io.sessiongrid.migration.MoveEvent.ConnectionMovedAway} (redirect to the target's address), the
 *       coordinator gets its result, a {@link io.sessiongrid.migration.MoveRecord} is written.</li>
 * </ol>
 * A move whose target dies (member or client removal) or does not accept within {@code migration.moveTimeout} rolls
 * back to the source, from {@code MOVING} or {@code ACCEPTING} (the coordinator, or the oldest member's sweep if the
 * coordinator died too). A move whose source dies completes: the target needs nothing from the source.
 * Encrypted types move as ciphertext: the target needs the key only to read them.
 *
 * <h2>Drains</h2>
 * {@link io.sessiongrid.migration.Migrations#drain} marks the server {@code DRAINING} and moves all its connections,
 * highest predicted usage first, each to the least-loaded ({@link io.sessiongrid.migration.ConnectionPlacement})
 * {@code READY} server whose role needs every type the drained server's role needs; begins go out in one bulk step
 * per (source, target) and targets copy in batches.
 *
 * <h2>Records and counters</h2>
 * Finished moves are kept in {@value io.sessiongrid.migration.Migrations#MOVES_MAP} (bounded per member, a day at
 * most); {@link io.sessiongrid.migration.Migrations#stats()} counts this node's moves, bytes and fence rounds.
 */
package io.sessiongrid.migration;
