package io.sessiongrid.session.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

import java.util.Map;

/**
 * Replaces a whole partition, optionally only at an expected version. Runs on the owner and again on each
 * backup; it is deterministic (the write time comes from the caller), so replicas stay equal.
 */
public record WritePartitionProcessor(boolean unconditional, long expectedVersion, long updatedAt,
                                      String elements, byte[] sealed, int sizeBytes)
        implements EntryProcessor<SessionKey, StoredPartition, WriteResult> {
    public static final String TYPE_NAME = "sessiongrid.WritePartition";

    @Override
    public WriteResult process(Map.Entry<SessionKey, StoredPartition> entry) {
        StoredPartition current = entry.getValue();
        long actual = current == null ? 0 : current.version();
        if (!unconditional && actual != expectedVersion) {
            return WriteResult.conflict(actual);
        }
        entry.setValue(new StoredPartition(actual + 1, updatedAt, elements, sealed, sizeBytes));
        return WriteResult.ok(actual + 1, sizeBytes);
    }

    public static final class Serializer implements CompactSerializer<WritePartitionProcessor> {
        @Override
        public WritePartitionProcessor read(CompactReader in) {
            return new WritePartitionProcessor(in.readBoolean("unconditional"), in.readInt64("expectedVersion"),
                    in.readInt64("updatedAt"), in.readString("elements"), in.readArrayOfInt8("sealed"),
                    in.readInt32("sizeBytes"));
        }

        @Override
        public void write(CompactWriter out, WritePartitionProcessor p) {
            out.writeBoolean("unconditional", p.unconditional);
            out.writeInt64("expectedVersion", p.expectedVersion);
            out.writeInt64("updatedAt", p.updatedAt);
            out.writeString("elements", p.elements);
            out.writeArrayOfInt8("sealed", p.sealed);
            out.writeInt32("sizeBytes", p.sizeBytes);
        }

        @Override
        public String getTypeName() {
            return TYPE_NAME;
        }

        @Override
        public Class<WritePartitionProcessor> getCompactClass() {
            return WritePartitionProcessor.class;
        }
    }
}
