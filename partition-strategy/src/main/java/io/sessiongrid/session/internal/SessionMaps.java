package io.sessiongrid.session.internal;

/** Names of the store's IMaps and version generator. */
public final class SessionMaps {
    public static final String PREFIX = "sessiongrid.partition.";
    /** The FlakeIdGenerator that hands out partition versions: unique in the cluster, no round trip per id. */
    public static final String VERSIONS = "sessiongrid.versions";
    /** Ids fetched per batch: a writer asks the cluster for versions once per this many writes. */
    public static final int VERSION_PREFETCH = 1_000;
    /**
     * Hazelcast's default of 6 sequence bits caps a member at 64 ids per millisecond, below what one member
     * writes. 8 bits allow 256,000 versions per second per member; the 14 node-id bits left (of 63, with 41
     * for the timestamp) allow 16,384 member joins over the cluster's life, after which newer members fetch
     * versions from older ones (Hazelcast forwards; a full cluster restart resets the count).
     */
    public static final int VERSION_BITS_SEQUENCE = 8;
    public static final int VERSION_BITS_NODE_ID = 14;

    private SessionMaps() {
    }

    public static String mapName(String partitionType) {
        return PREFIX + partitionType;
    }
}
