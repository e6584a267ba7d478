package io.sessiongrid.analyzer.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import com.hazelcast.partition.PartitionAware;
import io.sessiongrid.config.compact.NamedCompactSerializer;

/**
 * The key of a connection's series ({@code connectionId} set) or a session's series ({@code connectionId}
 * empty), all intervals in one entry, routed by the session id like the session's own state.
 */
public record SeriesKey(String sessionId, String connectionId) implements PartitionAware<String> {
    public static final String TYPE_NAME = "sessiongrid.analyzer.SeriesKey";

    /** The key of a session's own series. */
    public static SeriesKey session(String sessionId) {
        return new SeriesKey(sessionId, "");
    }

    @Override
    public String getPartitionKey() {
        return sessionId;
    }

    /** Compact serializer. */
    public static final class Serializer extends NamedCompactSerializer<SeriesKey> {
        public Serializer() {
            super(TYPE_NAME, SeriesKey.class);
        }

        @Override
        public SeriesKey read(CompactReader in) {
            return new SeriesKey(in.readString("sessionId"), in.readString("connectionId"));
        }

        @Override
        public void write(CompactWriter out, SeriesKey key) {
            out.writeString("connectionId", key.connectionId);
            out.writeString("sessionId", key.sessionId);
        }
    }
}
