package io.sessiongrid.session.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;

/**
 * A partition as stored in its IMap.
 *
 * @param version       a new cluster-unique id on every write (a FlakeIdGenerator id, so not consecutive:
 *                      compare versions for equality only)
 * @param updatedAt     epoch millis of the last change, from the writer's clock
 * @param elements      the elements as a JSON object, or {@code null} when sealed
 * @param sealed        the AES-GCM sealed JSON for encrypted types, else {@code null}
 * @param sizeBytes     UTF-8 size of the (plaintext) JSON
 */
public record StoredPartition(long version, long updatedAt, String elements, byte[] sealed, int sizeBytes) {
    public static final String TYPE_NAME = "sessiongrid.SessionPartition";

    public boolean isSealed() {
        return sealed != null;
    }

    public static final class Serializer extends NamedCompactSerializer<StoredPartition> {
        public Serializer() {
            super(TYPE_NAME, StoredPartition.class);
        }

        @Override
        public StoredPartition read(CompactReader in) {
            return new StoredPartition(in.readInt64("version"), in.readInt64("updatedAt"), in.readString("elements"),
                    in.readArrayOfInt8("sealed"), in.readInt32("sizeBytes"));
        }

        @Override
        public void write(CompactWriter out, StoredPartition p) {
            out.writeInt64("version", p.version);
            out.writeInt64("updatedAt", p.updatedAt);
            out.writeString("elements", p.elements);
            out.writeArrayOfInt8("sealed", p.sealed);
            out.writeInt32("sizeBytes", p.sizeBytes);
        }
    }
}
