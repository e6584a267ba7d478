package io.sessiongrid.sni.sharding;

/** How active a chunk (a range of identifiers) is. */
public enum Temperature {
    /** Allocated, released or heartbeat within the hot window. */
    HOT,
    /** Neither hot nor cold. */
    WARM,
    /** No activity for longer than the idle timeout: its idle leases and, when empty, the chunk are reclaimed. */
    COLD
}
