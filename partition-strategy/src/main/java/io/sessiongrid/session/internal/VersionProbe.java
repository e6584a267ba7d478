package io.sessiongrid.session.internal;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;

import java.util.Map;

/**
 * The stored version of a partition on its owner (0 when absent), without its payload: what a replay target
 * compares its copy against. Read-only, so it runs on the owner only and sends a few bytes back.
 */
public final class VersionProbe implements EntryProcessor<SessionKey, StoredPartition, Long>, ReadOnly {
    public static final String TYPE_NAME = "sessiongrid.VersionProbe";
    public static final VersionProbe INSTANCE = new VersionProbe();

    @Override
    public Long process(Map.Entry<SessionKey, StoredPartition> entry) {
        StoredPartition p = entry.getValue();
        return p == null ? 0L : p.version();
    }

    @Override
    public EntryProcessor<SessionKey, StoredPartition, Long> getBackupProcessor() {
        return null;
    }

    public static final class Serializer extends NamedCompactSerializer<VersionProbe> {
        public Serializer() {
            super(TYPE_NAME, VersionProbe.class);
        }

        @Override
        public VersionProbe read(CompactReader in) {
            return INSTANCE;
        }

        @Override
        public void write(CompactWriter out, VersionProbe p) {
            // no state
        }
    }
}
