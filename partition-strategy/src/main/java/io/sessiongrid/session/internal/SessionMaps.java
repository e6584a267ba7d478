package io.sessiongrid.session.internal;

/** Names of the store's IMaps. */
public final class SessionMaps {
    public static final String PREFIX = "sessiongrid.partition.";

    private SessionMaps() {
    }

    public static String mapName(String partitionType) {
        return PREFIX + partitionType;
    }
}
