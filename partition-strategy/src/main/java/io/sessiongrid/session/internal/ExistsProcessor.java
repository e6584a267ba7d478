package io.sessiongrid.session.internal;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;

import java.util.Map;

/** Whether the entry exists; read-only (no backup), and asynchronous unlike {@code containsKey}. */
public final class ExistsProcessor implements EntryProcessor<SessionKey, StoredPartition, Boolean>, ReadOnly {
    public static final String TYPE_NAME = "sessiongrid.Exists";
    public static final ExistsProcessor INSTANCE = new ExistsProcessor();

    @Override
    public Boolean process(Map.Entry<SessionKey, StoredPartition> entry) {
        return entry.getValue() != null;
    }

    @Override
    public EntryProcessor<SessionKey, StoredPartition, Boolean> getBackupProcessor() {
        return null;
    }

    public static final class Serializer extends NamedCompactSerializer<ExistsProcessor> {
        public Serializer() {
            super(TYPE_NAME, ExistsProcessor.class);
        }

        @Override
        public ExistsProcessor read(CompactReader in) {
            return INSTANCE;
        }

        @Override
        public void write(CompactWriter out, ExistsProcessor p) {
            // no state
        }
    }
}
