package io.sessiongrid.session.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import com.hazelcast.partition.PartitionAware;
import io.sessiongrid.config.compact.NamedCompactSerializer;

/**
 * The key of one session partition. Routed by the session id ({@code spread == false}) or by
 * session id and partition type ({@code spread == true}).
 */
public record SessionKey(String sessionId, String partition, boolean spread) implements PartitionAware<String> {
    public static final String TYPE_NAME = "sessiongrid.SessionKey";

    @Override
    public String getPartitionKey() {
        return spread ? sessionId + '/' + partition : sessionId;
    }

    /** Compact serializer; the field names are what SQL sees as {@code __key.sessionId} etc. */
    public static final class Serializer extends NamedCompactSerializer<SessionKey> {
        public Serializer() {
            super(TYPE_NAME, SessionKey.class);
        }

        @Override
        public SessionKey read(CompactReader in) {
            return new SessionKey(in.readString("sessionId"), in.readString("partition"), in.readBoolean("spread"));
        }

        @Override
        public void write(CompactWriter out, SessionKey key) {
            out.writeString("sessionId", key.sessionId);
            out.writeString("partition", key.partition);
            out.writeBoolean("spread", key.spread);
        }
    }
}
