package io.sessiongrid.session.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import com.hazelcast.partition.PartitionAware;
import io.sessiongrid.config.compact.CompactFields;
import io.sessiongrid.config.compact.NamedCompactSerializer;

/**
 * The key of one session partition. Routed by the session id ({@code spread == false}) or by
 * session id and partition type ({@code spread == true}).
 *
 * <p>For non-Java clients: Compact type {@code sessiongrid.SessionKey}, fields {@code partition} (string),
 * {@code sessionId} (string), {@code spread} (boolean: true when the type's placement is {@code spread}), written in
 * that (ascending name) order, with the partition key set to {@link #getPartitionKey()}.
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
            // A key inserted through SQL may lack fields: read what is there (the store then reports it).
            return new SessionKey(CompactFields.string(in, "sessionId"), CompactFields.string(in, "partition"),
                    CompactFields.bool(in, "spread", false));
        }

        @Override
        public void write(CompactWriter out, SessionKey key) {
            // Ascending field names: the bytes every Hazelcast client writes for these fields.
            out.writeString("partition", key.partition);
            out.writeString("sessionId", key.sessionId);
            out.writeBoolean("spread", key.spread);
        }
    }
}
