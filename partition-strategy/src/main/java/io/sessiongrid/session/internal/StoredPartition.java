package io.sessiongrid.session.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.CompactFields;
import io.sessiongrid.config.compact.NamedCompactSerializer;

/**
 * A partition as stored in its IMap.
 *
 * @param version       a new cluster-unique id on every write (a FlakeIdGenerator id, so not consecutive:
 *                      compare versions for equality only)
 * @param updatedAt     epoch millis of the last change, from the writer's clock
 * @param elements      the elements as a JSON object, or {@code null} when sealed
 * @param sealed        the sealed JSON for encrypted types, else {@code null}
 * @param sizeBytes     UTF-8 size of the (plaintext) JSON
 */
public record StoredPartition(long version, long updatedAt, String elements, byte[] sealed, int sizeBytes) {
    public static final String TYPE_NAME = "sessiongrid.SessionPartition";

    public boolean isSealed() {
        return sealed != null;
    }

    /**
     * What makes this record unreadable as a partition, or {@code null} if nothing does. The store always writes
     * exactly one of {@code elements} and {@code sealed}; a record written through SQL or a partial writer may not.
     * (Whether {@code elements} is a JSON object of strings is checked when it is decoded.)
     */
    public String invariantViolation() {
        if (elements == null && sealed == null) {
            return "it has neither elements nor a sealed payload";
        }
        if (elements != null && sealed != null) {
            return "it has both plain elements and a sealed payload";
        }
        return null;
    }

    public static final class Serializer extends NamedCompactSerializer<StoredPartition> {
        public Serializer() {
            super(TYPE_NAME, StoredPartition.class);
        }

        @Override
        public StoredPartition read(CompactReader in) {
            // Tolerant: a record updated or inserted through SQL lacks the unmapped `sealed` and may hold nulls.
            return new StoredPartition(CompactFields.int64(in, "version", 0), CompactFields.int64(in, "updatedAt", 0),
                    CompactFields.string(in, "elements"), CompactFields.bytes(in, "sealed"),
                    CompactFields.int32(in, "sizeBytes", 0));
        }

        @Override
        public void write(CompactWriter out, StoredPartition p) {
            // Ascending field names: the bytes every Hazelcast client writes for these fields.
            out.writeString("elements", p.elements);
            out.writeArrayOfInt8("sealed", p.sealed);
            out.writeInt32("sizeBytes", p.sizeBytes);
            out.writeInt64("updatedAt", p.updatedAt);
            out.writeInt64("version", p.version);
        }
    }
}
