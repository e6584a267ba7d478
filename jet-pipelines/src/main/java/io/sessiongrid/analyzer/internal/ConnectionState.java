package io.sessiongrid.analyzer.internal;

import io.sessiongrid.analyzer.score.ConnectionHealth;

/**
 * What the aggregating processor keeps about one connection: its open windows, its health state, and how far
 * its own samples have come. One tracker reports a connection, in order, so the connection's windows close on
 * its own last sample of each window, with no wait for the cluster-wide watermark.
 *
 * <p>Mutable; confined to one Jet processor.
 */
final class ConnectionState {
    final String connectionId;
    final SeriesWindows windows;
    final ConnectionHealth health;
    /** Start of the earliest flush interval this connection may still receive; earlier samples are late. */
    long next;
    /** Start of the newest sample seen. */
    long lastSample;

    ConnectionState(String connectionId, SeriesWindows windows, ConnectionHealth health, long next, long lastSample) {
        this.connectionId = connectionId;
        this.windows = windows;
        this.health = health;
        this.next = next;
        this.lastSample = lastSample;
    }
}
