package io.sessiongrid.config.compact;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;

/**
 * Reads Compact fields that a record may lack or hold as a nullable kind: records written by Hazelcast SQL
 * ({@code INSERT}/{@code UPDATE} through a mapping), by a non-Java client, or by an older version of a serializer.
 * SQL writes the columns of its mapping only, and numeric and boolean columns as nullable kinds
 * ({@code NULLABLE_INT64}, ...), so a plain {@code readInt64} would throw {@code Invalid field name} or
 * fail on a null. These return the given default instead; whether a record read this way is valid is for its
 * owner to decide (see the session store's invariant checks).
 */
public final class CompactFields {
    private CompactFields() {
    }

    public static boolean has(CompactReader in, String field) {
        return in.getFieldKind(field) != FieldKind.NOT_AVAILABLE;
    }

    public static long int64(CompactReader in, String field, long absent) {
        return switch (in.getFieldKind(field)) {
            case INT64 -> in.readInt64(field);
            case NULLABLE_INT64 -> orElse(in.readNullableInt64(field), absent);
            default -> absent;
        };
    }

    public static int int32(CompactReader in, String field, int absent) {
        return switch (in.getFieldKind(field)) {
            case INT32 -> in.readInt32(field);
            case NULLABLE_INT32 -> orElse(in.readNullableInt32(field), absent);
            default -> absent;
        };
    }

    public static boolean bool(CompactReader in, String field, boolean absent) {
        return switch (in.getFieldKind(field)) {
            case BOOLEAN -> in.readBoolean(field);
            case NULLABLE_BOOLEAN -> orElse(in.readNullableBoolean(field), absent);
            default -> absent;
        };
    }

    /** The string, or {@code null} when absent. */
    public static String string(CompactReader in, String field) {
        return in.getFieldKind(field) == FieldKind.STRING ? in.readString(field) : null;
    }

    /** The bytes, or {@code null} when absent. */
    public static byte[] bytes(CompactReader in, String field) {
        return in.getFieldKind(field) == FieldKind.ARRAY_OF_INT8 ? in.readArrayOfInt8(field) : null;
    }

    private static <T> T orElse(T value, T absent) {
        return value == null ? absent : value;
    }
}
