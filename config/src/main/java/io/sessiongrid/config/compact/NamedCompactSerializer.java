package io.sessiongrid.config.compact;

import com.hazelcast.nio.serialization.compact.CompactSerializer;

/**
 * The one way SessionGrid writes a Compact serializer: a subclass nested in the class it serializes, with the stable
 * type name (what SQL and non-Java clients see) fixed at construction.
 *
 * <p><b>Write fields in ascending field-name order</b> ({@link String#compareTo}). Hazelcast places fixed-size fields
 * at offsets its schema fixes but appends variable-size ones (strings, arrays, nested records) in the order
 * {@code write} calls the writer; every Hazelcast client writes a {@code GenericRecord} in schema order, which is
 * ascending names. Keys are compared as bytes, so a key written in another order is a different key for a Node.js,
 * Python or C# client. Tests check each serializer with {@code io.sessiongrid.testkit.CompactBytes}.
 */
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
