package io.sessiongrid.config;

/** Where the data of one partition type lands in the Hazelcast partition table. */
public enum Placement {
    /** Routed by session id: all co-located partitions of a session sit on one member. */
    SESSION,
    /** Routed by session id and partition type: large types spread over the cluster. */
    SPREAD
}
