package io.sessiongrid.config.compact;

/**
 * Builds the {@code CREATE OR REPLACE MAPPING} statements with which each module exposes its IMaps to Hazelcast SQL
 * (and Management Center's SQL browser). Modules publish them as data ({@code sqlMappings()} methods); the node
 * runtime executes them on a data member at startup. Hazelcast SQL has no array or binary column types, so Compact
 * array fields stay out of the mappings (each module's javadoc names them).
 */
public final class SqlMappings {
    private SqlMappings() {
    }

    /** A key of a plain SQL type, e.g. {@code keyFormat("bigint")}, exposed as column {@code __key}. */
    public static String keyFormat(String sqlType) {
        return "'keyFormat'='" + sqlType + "'";
    }

    /** A Compact key of the given type name; its fields are mapped as columns with {@code EXTERNAL NAME "__key.f"}. */
    public static String compactKey(String typeName) {
        return "'keyFormat'='compact', 'keyCompactTypeName'='" + typeName + "'";
    }

    /**
     * @param map       the IMap
     * @param key       {@link #keyFormat} or {@link #compactKey}
     * @param valueType the Compact type name of the values
     * @param columns   the column list, e.g. {@code "\"score\" INT, reason VARCHAR"}; quote names SQL reserves
     */
    public static String compactValues(String map, String key, String valueType, String columns) {
        return "CREATE OR REPLACE MAPPING \"" + map + "\" (" + columns + ") TYPE IMap OPTIONS (" + key
                + ", 'valueFormat'='compact', 'valueCompactTypeName'='" + valueType + "')";
    }
}
