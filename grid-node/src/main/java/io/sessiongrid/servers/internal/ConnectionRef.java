package io.sessiongrid.servers.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import com.hazelcast.partition.PartitionAware;
import io.sessiongrid.config.compact.NamedCompactSerializer;

/**
 * The connection registry's key: routed by the session id, so a connection's entry sits on the same Hazelcast
 * partition (and member) as its session's co-located partitions.
 */
public record ConnectionRef(String sessionId, String connectionId) implements PartitionAware<String> {
    public static final String TYPE_NAME = "sessiongrid.ConnectionRef";

    @Override
    public String getPartitionKey() {
        return sessionId;
    }

    public static final class Serializer extends NamedCompactSerializer<ConnectionRef> {
        public Serializer() {
            super(TYPE_NAME, ConnectionRef.class);
        }

        @Override
        public ConnectionRef read(CompactReader in) {
            return new ConnectionRef(in.readString("sessionId"), in.readString("connectionId"));
        }

        @Override
        public void write(CompactWriter out, ConnectionRef k) {
            out.writeString("sessionId", k.sessionId);
            out.writeString("connectionId", k.connectionId);
        }
    }
}
