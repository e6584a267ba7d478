package io.sessiongrid.analyzer.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import com.hazelcast.partition.PartitionAware;
import io.sessiongrid.config.compact.NamedCompactSerializer;

/**
 * A connection, routed by its session id: the key of its health score and of its series; with an empty
 * {@code connectionId} ({@link #session}), the key of the session's own series. Like the session store's keys it
 * is {@link PartitionAware}, so members and clients route it alike and a connection's records share the
 * Hazelcast partition of its session's state.
 */
public record ConnectionKey(String sessionId, String connectionId) implements PartitionAware<String> {
    public static final String TYPE_NAME = "sessiongrid.analyzer.ConnectionKey";

    /** The key of a session's own series (all its connections together). */
    public static ConnectionKey session(String sessionId) {
        return new ConnectionKey(sessionId, "");
    }

    @Override
    public String getPartitionKey() {
        return sessionId;
    }

    /** Compact serializer. */
    public static final class Serializer extends NamedCompactSerializer<ConnectionKey> {
        public Serializer() {
            super(TYPE_NAME, ConnectionKey.class);
        }

        @Override
        public ConnectionKey read(CompactReader in) {
            return new ConnectionKey(in.readString("sessionId"), in.readString("connectionId"));
        }

        @Override
        public void write(CompactWriter out, ConnectionKey key) {
            out.writeString("connectionId", key.connectionId);
            out.writeString("sessionId", key.sessionId);
        }
    }
}
