package io.sessiongrid.servers.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;
import io.sessiongrid.servers.ConnectionOwnership;

import java.time.Instant;

/**
 * A connection registry entry. Changed only by {@link OwnershipProcessor}s on the entry's owner, each step
 * conditional on the entry's state, so a move's steps and a dead server's clean-up never interleave.
 *
 * @param server        the owner
 * @param version       +1 per change
 * @param phase         a {@link ConnectionOwnership.Phase} name
 * @param peer          MOVING: the target; ACCEPTING: the source (where a rollback returns it); else null
 * @param moveId        the current or last move
 * @param coordinator   the node that asked for the current or last move (it waits for the outcome)
 * @param moveStartedAt epoch millis the current or last move began
 * @param deadline      epoch millis by which the current move must be accepted, else it rolls back
 * @param lastMove      outcome of the last finished move: COMPLETED, ROLLED_BACK, or null
 * @param lastPeer      the other server of the last finished move (its source if completed, its target if not)
 * @param moveBytes     payload bytes the last completed move's target copied
 * @param movePartitions partitions it copied
 * @param reason        why the last move rolled back, or null
 * @param openedAt      epoch millis of registration
 */
public record ConnectionRecord(String connectionId, String sessionId, String server, long version, String phase,
                               String peer, String moveId, String coordinator, long moveStartedAt, long deadline,
                               String lastMove, String lastPeer, long moveBytes, int movePartitions, String reason,
                               long openedAt) {
    public static final String TYPE_NAME = "sessiongrid.Connection";
    public static final String COMPLETED = "COMPLETED";
    public static final String ROLLED_BACK = "ROLLED_BACK";

    public static ConnectionRecord opened(String connectionId, String sessionId, String server, long now) {
        return new ConnectionRecord(connectionId, sessionId, server, 1, ConnectionOwnership.Phase.OWNED.name(),
                null, null, null, 0, 0, null, null, 0, 0, null, now);
    }

    public ConnectionOwnership.Phase phaseValue() {
        return ConnectionOwnership.Phase.valueOf(phase);
    }

    public boolean in(ConnectionOwnership.Phase p) {
        return p.name().equals(phase);
    }

    public ConnectionOwnership view() {
        ConnectionOwnership.Phase p = phaseValue();
        String target = p == ConnectionOwnership.Phase.MOVING ? peer : p == ConnectionOwnership.Phase.ACCEPTING ? server : null;
        return new ConnectionOwnership(connectionId, sessionId, server, version, p, target, Instant.ofEpochMilli(openedAt));
    }

    public ConnectionRef ref() {
        return new ConnectionRef(sessionId, connectionId);
    }

    ConnectionRecord with(String server, String phase, String peer) {
        return new ConnectionRecord(connectionId, sessionId, server, version + 1, phase, peer, moveId, coordinator,
                moveStartedAt, deadline, lastMove, lastPeer, moveBytes, movePartitions, reason, openedAt);
    }

    ConnectionRecord begun(String target, String moveId, String coordinator, long now, long deadline) {
        return new ConnectionRecord(connectionId, sessionId, server, version + 1, ConnectionOwnership.Phase.MOVING.name(),
                target, moveId, coordinator, now, deadline, null, null, 0, 0, null, openedAt);
    }

    ConnectionRecord finished(String server, String outcome, String lastPeer, long bytes, int partitions, String reason) {
        return new ConnectionRecord(connectionId, sessionId, server, version + 1, ConnectionOwnership.Phase.OWNED.name(),
                null, moveId, coordinator, moveStartedAt, deadline, outcome, lastPeer, bytes, partitions, reason, openedAt);
    }

    public static final class Serializer extends NamedCompactSerializer<ConnectionRecord> {
        public Serializer() {
            super(TYPE_NAME, ConnectionRecord.class);
        }

        @Override
        public ConnectionRecord read(CompactReader in) {
            return new ConnectionRecord(in.readString("connectionId"), in.readString("sessionId"),
                    in.readString("server"), in.readInt64("version"), in.readString("phase"), in.readString("peer"),
                    in.readString("moveId"), in.readString("coordinator"), in.readInt64("moveStartedAt"),
                    in.readInt64("deadline"), in.readString("lastMove"), in.readString("lastPeer"),
                    in.readInt64("moveBytes"), in.readInt32("movePartitions"), in.readString("reason"),
                    in.readInt64("openedAt"));
        }

        @Override
        public void write(CompactWriter out, ConnectionRecord r) {
            out.writeString("connectionId", r.connectionId);
            out.writeString("sessionId", r.sessionId);
            out.writeString("server", r.server);
            out.writeInt64("version", r.version);
            out.writeString("phase", r.phase);
            out.writeString("peer", r.peer);
            out.writeString("moveId", r.moveId);
            out.writeString("coordinator", r.coordinator);
            out.writeInt64("moveStartedAt", r.moveStartedAt);
            out.writeInt64("deadline", r.deadline);
            out.writeString("lastMove", r.lastMove);
            out.writeString("lastPeer", r.lastPeer);
            out.writeInt64("moveBytes", r.moveBytes);
            out.writeInt32("movePartitions", r.movePartitions);
            out.writeString("reason", r.reason);
            out.writeInt64("openedAt", r.openedAt);
        }
    }
}
