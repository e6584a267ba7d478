package io.sessiongrid.session.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;

import java.util.Map;

/**
 * Replaces a whole partition only if its version is still {@code expectedVersion} (0: only if absent).
 * Runs on the owner and again on each backup; deterministic (version and write time come from the
 * caller), so replicas stay equal.
 */
public record SetIfVersionProcessor(long expectedVersion, StoredPartition replacement)
        implements EntryProcessor<SessionKey, StoredPartition, WriteResult> {
    public static final String TYPE_NAME = "sessiongrid.SetIfVersion";

    @Override
    public WriteResult process(Map.Entry<SessionKey, StoredPartition> entry) {
        StoredPartition current = entry.getValue();
        long actual = current == null ? 0 : current.version();
        if (actual != expectedVersion) {
            return WriteResult.conflict(actual);
        }
        entry.setValue(replacement);
        return WriteResult.ok(replacement.version(), replacement.sizeBytes());
    }

    public static final class Serializer extends NamedCompactSerializer<SetIfVersionProcessor> {
        public Serializer() {
            super(TYPE_NAME, SetIfVersionProcessor.class);
        }

        @Override
        public SetIfVersionProcessor read(CompactReader in) {
            return new SetIfVersionProcessor(in.readInt64("expectedVersion"), in.readCompact("replacement"));
        }

        @Override
        public void write(CompactWriter out, SetIfVersionProcessor p) {
            out.writeInt64("expectedVersion", p.expectedVersion);
            out.writeCompact("replacement", p.replacement);
        }
    }
}
