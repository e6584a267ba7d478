package io.sessiongrid.sni.sharding;

/** How new chunks are chosen for an application. */
public enum ShardingMode {
    /** Next to the application's current range of chunks, so that it stays contiguous. */
    DYNAMIC,
    /** The next free chunk in a shuffled order of the whole space: the random-sharding baseline. */
    RANDOM
}
