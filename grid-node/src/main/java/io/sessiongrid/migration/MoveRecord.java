package io.sessiongrid.migration;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;

/**
 * One finished move, as kept in {@value Migrations#MOVES_MAP} (bounded: see {@link Migrations#MOVES_KEPT_PER_MEMBER};
 * readable with Hazelcast SQL, e.g. {@code SELECT outcome, COUNT(*), AVG(durationMillis) FROM "sessiongrid.moves"
 * GROUP BY outcome}).
 *
 * @param moveId            the move
 * @param connectionId      the connection moved
 * @param sessionId         its session
 * @param source            the server it left (or stayed on)
 * @param target            the server it went to (or was meant to)
 * @param outcome           a {@link MoveOutcome} name
 * @param reason            why it rolled back, or null
 * @param bytesFetched      payload bytes the target copied
 * @param partitionsFetched partitions the target copied
 * @param startedAt         epoch millis the move began
 * @param durationMillis    from begin to accept (or rollback)
 */
public record MoveRecord(String moveId, String connectionId, String sessionId, String source, String target,
                         String outcome, String reason, long bytesFetched, int partitionsFetched, long startedAt,
                         long durationMillis) {
    public static final String TYPE_NAME = "sessiongrid.Move";

    public static final class Serializer extends NamedCompactSerializer<MoveRecord> {
        public Serializer() {
            super(TYPE_NAME, MoveRecord.class);
        }

        @Override
        public MoveRecord read(CompactReader in) {
            return new MoveRecord(in.readString("moveId"), in.readString("connectionId"), in.readString("sessionId"),
                    in.readString("source"), in.readString("target"), in.readString("outcome"), in.readString("reason"),
                    in.readInt64("bytesFetched"), in.readInt32("partitionsFetched"), in.readInt64("startedAt"),
                    in.readInt64("durationMillis"));
        }

        @Override
        public void write(CompactWriter out, MoveRecord r) {
            out.writeString("moveId", r.moveId);
            out.writeString("connectionId", r.connectionId);
            out.writeString("sessionId", r.sessionId);
            out.writeString("source", r.source);
            out.writeString("target", r.target);
            out.writeString("outcome", r.outcome);
            out.writeString("reason", r.reason);
            out.writeInt64("bytesFetched", r.bytesFetched);
            out.writeInt32("partitionsFetched", r.partitionsFetched);
            out.writeInt64("startedAt", r.startedAt);
            out.writeInt64("durationMillis", r.durationMillis);
        }
    }
}
