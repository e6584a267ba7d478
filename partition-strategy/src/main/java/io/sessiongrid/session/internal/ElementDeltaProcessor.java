package io.sessiongrid.session.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets ({@code value != null}) or removes ({@code value == null}) one element of a plain (unencrypted)
 * partition in place on its owner: only the element and its name cross the network. The size limit is
 * checked on the result, before anything changes. The new version comes from the caller, so the owner and
 * its backups, which each run the processor, agree.
 */
public record ElementDeltaProcessor(String element, String value, long newVersion, long updatedAt, int maxBytes)
        implements EntryProcessor<SessionKey, StoredPartition, WriteResult> {
    public static final String TYPE_NAME = "sessiongrid.ElementDelta";

    @Override
    public WriteResult process(Map.Entry<SessionKey, StoredPartition> entry) {
        StoredPartition current = entry.getValue();
        if (current == null) {
            return WriteResult.missing();
        }
        String problem = current.isSealed() ? "it holds a sealed payload but its type is not encrypted"
                : current.invariantViolation();
        if (problem != null) {
            return WriteResult.corrupt(current.version(), problem);
        }
        LinkedHashMap<String, String> elements;
        try {
            elements = ElementCodec.decode(current.elements());
        } catch (IllegalStateException | UncheckedIOException e) {
            return WriteResult.corrupt(current.version(), e.getMessage());
        }
        boolean changed = value == null ? elements.remove(element) != null : !value.equals(elements.put(element, value));
        if (!changed) {
            return WriteResult.ok(current.version(), current.sizeBytes());
        }
        ElementCodec.Encoded encoded = ElementCodec.encodeSized(elements);
        String json = encoded.json();
        int size = encoded.utf8Bytes();
        if (size > maxBytes) {
            return WriteResult.tooLarge(current.version(), size);
        }
        entry.setValue(new StoredPartition(newVersion, updatedAt, json, null, size));
        return WriteResult.ok(newVersion, size);
    }

    public static final class Serializer extends NamedCompactSerializer<ElementDeltaProcessor> {
        public Serializer() {
            super(TYPE_NAME, ElementDeltaProcessor.class);
        }

        @Override
        public ElementDeltaProcessor read(CompactReader in) {
            return new ElementDeltaProcessor(in.readString("element"), in.readString("value"),
                    in.readInt64("newVersion"), in.readInt64("updatedAt"), in.readInt32("maxBytes"));
        }

        @Override
        public void write(CompactWriter out, ElementDeltaProcessor p) {
            out.writeString("element", p.element);
            out.writeInt32("maxBytes", p.maxBytes);
            out.writeInt64("newVersion", p.newVersion);
            out.writeInt64("updatedAt", p.updatedAt);
            out.writeString("value", p.value);
        }
    }
}
