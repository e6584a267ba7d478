package io.sessiongrid.servers.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;
import io.sessiongrid.servers.ConnectionOwnership.Phase;

import java.util.Map;

/**
 * Every change to a connection registry entry: one step of its life, applied on the entry's owner only when the
 * entry is in the state the step expects (else it returns the entry unchanged, and the caller sees that the step
 * did not apply). Deterministic (time and ids come from the caller), so backups replay it to the same result.
 * Returns the entry after the step, or {@code null} when there is none.
 *
 * <pre>
 *   REGISTER          (absent) -> OWNED by server;  OWNED/ORPHANED by another -> OWNED by server (reopened there)
 *   BEGIN(src, v)     OWNED/ORPHANED by src (and at version v, unless v = 0) -> MOVING (peer = target)
 *   FLIP(move)        MOVING -> ACCEPTING (server = target, peer = source): the ownership flip
 *   ACCEPT(move)      ACCEPTING -> OWNED by the target (lastMove COMPLETED)
 *   ROLLBACK(move)    MOVING/ACCEPTING -> OWNED by the source (lastMove ROLLED_BACK)
 *   ORPHAN(server)    OWNED by server -> ORPHANED
 *   ADOPT(to, from, v) OWNED/ORPHANED by from at version v -> OWNED by to (a dead server's connection re-homed;
 *                     any change since it was read, e.g. the application reopening it elsewhere, wins)
 *   CLOSE(server)     removed, if server owns it (a source closing a connection that moved away keeps it)
 * </pre>
 */
public record OwnershipProcessor(String op, String server, String moveId, String coordinator, String expectedServer,
                                 long expectedVersion, long now, long deadline, long bytes, int partitions,
                                 String reason)
        implements EntryProcessor<ConnectionRef, ConnectionRecord, ConnectionRecord> {
    public static final String TYPE_NAME = "sessiongrid.OwnershipStep";

    public static OwnershipProcessor register(String server, long now) {
        return new OwnershipProcessor("REGISTER", server, null, null, null, 0, now, 0, 0, 0, null);
    }

    /**
     * Begins a move of a connection {@code source} owns; with {@code expectedVersion > 0} only at that version
     * (a batch, sent to many entries at once, passes 0: the source check alone keeps it from claiming a connection
     * that has moved on).
     */
    public static OwnershipProcessor begin(String target, String moveId, String coordinator, String source,
                                           long expectedVersion, long now, long deadline) {
        return new OwnershipProcessor("BEGIN", target, moveId, coordinator, source, expectedVersion, now, deadline, 0,
                0, null);
    }

    public static OwnershipProcessor flip(String moveId) {
        return new OwnershipProcessor("FLIP", null, moveId, null, null, 0, 0, 0, 0, 0, null);
    }

    public static OwnershipProcessor accept(String moveId, long bytes, int partitions) {
        return new OwnershipProcessor("ACCEPT", null, moveId, null, null, 0, 0, 0, bytes, partitions, null);
    }

    public static OwnershipProcessor rollback(String moveId, String reason) {
        return new OwnershipProcessor("ROLLBACK", null, moveId, null, null, 0, 0, 0, 0, 0, reason);
    }

    /**
     * Gives a connection of a dead server ({@code from}, read at {@code expectedVersion}) to {@code server}: REGISTER,
     * but only if nothing changed since it was read, so it never takes a connection from an owner that took it
     * meanwhile.
     */
    public static OwnershipProcessor adopt(String server, String from, long expectedVersion) {
        return new OwnershipProcessor("ADOPT", server, null, null, from, expectedVersion, 0, 0, 0, 0, null);
    }

    public static OwnershipProcessor orphan(String server) {
        return new OwnershipProcessor("ORPHAN", server, null, null, null, 0, 0, 0, 0, 0, null);
    }

    /** Removes the entry if {@code server} owns it (null: whoever owns it). */
    public static OwnershipProcessor close(String server) {
        return new OwnershipProcessor("CLOSE", server, null, null, null, 0, 0, 0, 0, 0, null);
    }

    @Override
    public ConnectionRecord process(Map.Entry<ConnectionRef, ConnectionRecord> entry) {
        ConnectionRecord r = entry.getValue();
        ConnectionRecord next = r == null ? absent(entry.getKey()) : step(r);
        if (next == null) {
            if (r != null) {
                entry.setValue(null); // CLOSE
            }
            return r;
        }
        if (next != r) {
            entry.setValue(next);
        }
        return next;
    }

    private ConnectionRecord absent(ConnectionRef key) {
        return "REGISTER".equals(op) ? ConnectionRecord.opened(key.connectionId(), key.sessionId(), server, now) : null;
    }

    private ConnectionRecord step(ConnectionRecord r) {
        boolean settled = r.in(Phase.OWNED) || r.in(Phase.ORPHANED);
        boolean thisMove = moveId != null && moveId.equals(r.moveId());
        return switch (op) {
            case "REGISTER" -> settled && !(r.in(Phase.OWNED) && r.server().equals(server))
                    ? r.with(server, Phase.OWNED.name(), null) : r;
            case "BEGIN" -> settled && r.server().equals(expectedServer)
                    && (expectedVersion == 0 || r.version() == expectedVersion)
                    ? r.begun(server, moveId, coordinator, now, deadline) : r;
            case "FLIP" -> thisMove && r.in(Phase.MOVING) ? r.with(r.peer(), Phase.ACCEPTING.name(), r.server()) : r;
            case "ACCEPT" -> thisMove && r.in(Phase.ACCEPTING)
                    ? r.finished(r.server(), ConnectionRecord.COMPLETED, r.peer(), bytes, partitions, null) : r;
            case "ROLLBACK" -> !thisMove ? r
                    : r.in(Phase.MOVING) ? r.finished(r.server(), ConnectionRecord.ROLLED_BACK, r.peer(), 0, 0, reason)
                    : r.in(Phase.ACCEPTING) ? r.finished(r.peer(), ConnectionRecord.ROLLED_BACK, r.server(), 0, 0, reason)
                    : r;
            case "ADOPT" -> settled && r.server().equals(expectedServer) && r.version() == expectedVersion
                    ? r.with(server, Phase.OWNED.name(), null) : r;
            case "ORPHAN" -> r.in(Phase.OWNED) && r.server().equals(server) ? r.with(server, Phase.ORPHANED.name(), null) : r;
            case "CLOSE" -> server == null || server.equals(r.server()) ? null : r;
            default -> throw new IllegalArgumentException("unknown ownership step " + op);
        };
    }

    public static final class Serializer extends NamedCompactSerializer<OwnershipProcessor> {
        public Serializer() {
            super(TYPE_NAME, OwnershipProcessor.class);
        }

        @Override
        public OwnershipProcessor read(CompactReader in) {
            return new OwnershipProcessor(in.readString("op"), in.readString("server"), in.readString("moveId"),
                    in.readString("coordinator"), in.readString("expectedServer"), in.readInt64("expectedVersion"), in.readInt64("now"),
                    in.readInt64("deadline"), in.readInt64("bytes"), in.readInt32("partitions"), in.readString("reason"));
        }

        @Override
        public void write(CompactWriter out, OwnershipProcessor p) {
            out.writeString("op", p.op);
            out.writeString("server", p.server);
            out.writeString("moveId", p.moveId);
            out.writeString("coordinator", p.coordinator);
            out.writeString("expectedServer", p.expectedServer);
            out.writeInt64("expectedVersion", p.expectedVersion);
            out.writeInt64("now", p.now);
            out.writeInt64("deadline", p.deadline);
            out.writeInt64("bytes", p.bytes);
            out.writeInt32("partitions", p.partitions);
            out.writeString("reason", p.reason);
        }
    }
}
