package io.sessiongrid.analyzer.internal;

import com.hazelcast.nio.serialization.compact.CompactSerializer;

/** A Compact serializer with its stable type name ({@code sessiongrid.analyzer.*}) fixed at construction. */
public abstract class Named<T> implements CompactSerializer<T> {
    private final String typeName;
    private final Class<T> type;

    protected Named(String typeName, Class<T> type) {
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
