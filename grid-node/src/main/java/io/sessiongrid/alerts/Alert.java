package io.sessiongrid.alerts;

import java.time.Instant;

/**
 * An alert raised or cleared.
 *
 * @param kind   which condition
 * @param firing true when raised, false when cleared
 * @param detail the figures behind it, for a log line or a page
 * @param at     when (the node's clock)
 */
public record Alert(AlertKind kind, boolean firing, String detail, Instant at) {
}
