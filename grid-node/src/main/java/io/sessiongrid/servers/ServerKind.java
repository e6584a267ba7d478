package io.sessiongrid.servers;

/** How a server is attached to the cluster. */
public enum ServerKind {
    /** An embedded member that owns partitions. */
    DATA_MEMBER,
    /** An embedded lite member: owns no partitions, so joining or leaving moves no data. */
    LITE_MEMBER,
    /** A process connected as a Hazelcast client. */
    CLIENT
}
