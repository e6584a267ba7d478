package io.sessiongrid.config.compact;

import com.hazelcast.nio.serialization.compact.CompactSerializer;

/** A Compact serializer with its stable type name (what SQL and non-Java clients see) fixed at construction. */
public abstract class NamedCompactSerializer<T> implements CompactSerializer<T> {
    private final String typeName;
    private final Class<T> type;

    protected NamedCompactSerializer(String typeName, Class<T> type) {
        this.typeName = typeName;
        this.type = type;
    }

    @Override
    public final String getTypeName() {
        return typeName;
    }

    @Override
    public final Class<T> getCompactClass() {
        return type;
    }
}
