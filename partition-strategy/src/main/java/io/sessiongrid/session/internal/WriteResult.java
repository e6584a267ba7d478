package io.sessiongrid.session.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;

/**
 * What a write processor did. {@code version} is the new version on {@link Status#OK} and the current
 * one otherwise; {@code sizeBytes} is the size the write would have produced; {@code problem} says what is wrong
 * with the stored record on {@link Status#CORRUPT}, else it is {@code null}.
 */
public record WriteResult(Status status, long version, int sizeBytes, String problem) {
    public static final String TYPE_NAME = "sessiongrid.WriteResult";

    /** Outcomes; new ones go at the end (the ordinal is the wire format). */
    public enum Status { OK, VERSION_CONFLICT, MISSING, TOO_LARGE, CORRUPT }

    static WriteResult ok(long version, int size) {
        return new WriteResult(Status.OK, version, size, null);
    }

    static WriteResult conflict(long actual) {
        return new WriteResult(Status.VERSION_CONFLICT, actual, 0, null);
    }

    static WriteResult missing() {
        return new WriteResult(Status.MISSING, 0, 0, null);
    }

    static WriteResult tooLarge(long actual, int size) {
        return new WriteResult(Status.TOO_LARGE, actual, size, null);
    }

    static WriteResult corrupt(long actual, String problem) {
        return new WriteResult(Status.CORRUPT, actual, 0, problem);
    }

    public static final class Serializer extends NamedCompactSerializer<WriteResult> {
        public Serializer() {
            super(TYPE_NAME, WriteResult.class);
        }

        private static final Status[] STATUSES = Status.values();

        @Override
        public WriteResult read(CompactReader in) {
            return new WriteResult(STATUSES[in.readInt8("status")], in.readInt64("version"), in.readInt32("sizeBytes"),
                    in.readString("problem"));
        }

        @Override
        public void write(CompactWriter out, WriteResult r) {
            out.writeString("problem", r.problem);
            out.writeInt32("sizeBytes", r.sizeBytes);
            out.writeInt8("status", (byte) r.status.ordinal());
            out.writeInt64("version", r.version);
        }
    }
}
