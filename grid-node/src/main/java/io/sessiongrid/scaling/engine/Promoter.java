package io.sessiongrid.scaling.engine;

import java.util.List;

/** Turns lite-member servers into data members. */
public interface Promoter {

    /** Ready servers that are lite members, oldest first. */
    List<String> promotable();

    /** Whether a promotion may start now (the cluster is safe: backups in sync, no migration running). */
    boolean safeToPromote();

    /** Promotes the server to a data member (the master then moves partitions to it). */
    void promote(String serverId);
}
