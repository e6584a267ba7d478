package io.sessiongrid.workload;

import java.time.Instant;

/**
 * How busy the application is at a moment: a level that multiplies each connection's peak request rate. Pure: the
 * level depends on the instant alone, so servers, tests and the demo that share an origin see the same shape.
 */
public sealed interface WorkloadShape permits DailyShape, TraceShape {

    /** The load level at {@code t}: 0 = idle, 1 = the usual peak; bursts may go above 1. Never negative. */
    double level(Instant t);

    /** One line for logs and the CLI. */
    String describe();
}
