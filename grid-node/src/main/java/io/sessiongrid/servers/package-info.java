/**
 * Servers and connection ownership.
 *
 * <p>A <b>server</b> is a SessionGrid node that serves application connections: an embedded data or lite member,
 * or a Hazelcast client process. Every node the runtime starts registers itself
 * ({@link io.sessiongrid.servers.ServerInfo}: id, role and the partition types it needs, kind, redirect address,
 * state {@code STARTING -> READY -> DRAINING -> LEAVING}); a server whose member or client dies is removed by the
 * oldest member (member and client removal listeners), and the connections it owned are marked
 * {@link io.sessiongrid.servers.ConnectionOwnership.Phase#ORPHANED orphaned} and reported, not silently kept.
 *
 * <p>The <b>connection registry</b> records which server owns each connection, with an ownership version. Its
 * entries are keyed by session (the key is {@code PartitionAware} on the session id, like the session's own
 * partitions), so a connection's entry lives on its session's Hazelcast partition. The node's
 * {@code ConnectionTracker.opened(connectionId, sessionId)} registers the node's server as owner;
 * {@code opened(connectionId, sessionId, serverId)} does so for another registered server (unknown ids are refused).
 *
 * <p>{@link io.sessiongrid.servers.ServerRegistry#load} gives a server's connections, its recent request rate and
 * the sum of its connections' predicted request rates with their mean health score (the analyzer's scores):
 * what the scaling engine and drains weigh.
 *
 * <p>Maps (Compact values, SQL mappings created by data members): {@code sessiongrid.servers},
 * {@code sessiongrid.connections} (indexed by connection id, server and phase), and the moves map of
 * {@link io.sessiongrid.migration}.
 */
package io.sessiongrid.servers;
