package io.sessiongrid.session.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;

/**
 * What a write processor did. {@code version} is the new version on {@link Status#OK} and the current
 * one otherwise; {@code sizeBytes} is the size the write would have produced.
 */
public record WriteResult(Status status, long version, int sizeBytes) {
    public static final String TYPE_NAME = "sessiongrid.WriteResult";

    public enum Status { OK, VERSION_CONFLICT, MISSING, TOO_LARGE }

    static WriteResult ok(long version, int size) {
        return new WriteResult(Status.OK, version, size);
    }

    static WriteResult conflict(long actual) {
        return new WriteResult(Status.VERSION_CONFLICT, actual, 0);
    }

    static WriteResult missing() {
        return new WriteResult(Status.MISSING, 0, 0);
    }

    static WriteResult tooLarge(long actual, int size) {
        return new WriteResult(Status.TOO_LARGE, actual, size);
    }

    public static final class Serializer extends NamedCompactSerializer<WriteResult> {
        public Serializer() {
            super(TYPE_NAME, WriteResult.class);
        }

        private static final Status[] STATUSES = Status.values();

        @Override
        public WriteResult read(CompactReader in) {
            return new WriteResult(STATUSES[in.readInt8("status")], in.readInt64("version"), in.readInt32("sizeBytes"));
        }

        @Override
        public void write(CompactWriter out, WriteResult r) {
            out.writeInt8("status", (byte) r.status.ordinal());
            out.writeInt64("version", r.version);
            out.writeInt32("sizeBytes", r.sizeBytes);
        }
    }
}
