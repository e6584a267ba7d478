package io.sessiongrid.node.demo.report;

import java.time.Instant;
import java.util.Objects;

/** Something that happened: a decision or a server's life-cycle step. {@code detail} is plain text. */
public record DemoEvent(Instant at, Kind kind, String detail) {
    public DemoEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    /** What kind of thing happened; scale decisions are marked on the demand chart. */
    public enum Kind { SCALE_OUT, SCALE_IN, SERVER_READY, SERVER_RETIRED, MIGRATION_BATCH, NOTE }
}
