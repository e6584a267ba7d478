package io.sessiongrid.runtime;

/** How a SessionGrid node joins the cluster. */
public enum NodeKind {
    /** A member that owns partitions (holds data, runs SQL and Jet jobs). */
    DATA_MEMBER,
    /** A member that owns no partitions: joining or leaving moves no data. Hazelcast runs no SQL on it. */
    LITE_MEMBER,
    /** A Hazelcast client: the same SessionGrid API, no cluster duties. */
    CLIENT;

    /** Whether this node is a cluster member (data or lite). */
    public boolean isMember() {
        return this != CLIENT;
    }
}
