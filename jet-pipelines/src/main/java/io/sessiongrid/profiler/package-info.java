/**
 * The SNI behavioural profiler: a Jet job that turns telemetry of application clusters (CPU, memory, network I/O,
 * data rates, inter-VM traffic, VM count) into a forecast of each cluster's VM count over a horizon, with an interval
 * and a confidence, stored as Compact {@link io.sessiongrid.profiler.AppProfile}s in the IMap
 * {@value io.sessiongrid.profiler.BehavioralProfiler#PROFILES}. The SNI predictive allocator consumes them.
 *
 * <p>Input: {@link io.sessiongrid.profiler.Telemetry} records written with
 * {@link io.sessiongrid.profiler.BehavioralProfiler#record} to {@value io.sessiongrid.profiler.BehavioralProfiler#TELEMETRY}
 * (keyed by application, so each application's records stay in order in one partition's event journal). The job
 * windows them per application by event time in its own keyed state rather than with Jet windows: a window closes
 * when the application's first record of a later window arrives, so idle journal partitions never hold windows back
 * (Jet's own windows close only when every source partition's watermark has passed them, and Jet drops late events
 * silently); records older than the open window are dropped and counted.
 *
 * <p>Pure parts ({@link io.sessiongrid.profiler.ProfileWindows}, {@link io.sessiongrid.profiler.VmForecasting}) hold
 * the logic and are unit-tested; {@link io.sessiongrid.profiler.AppProfiler} is one application's state and step,
 * public so that a replay (e.g. {@code bench sni}) runs the job's own code at trace speed;
 * {@link io.sessiongrid.profiler.BehavioralProfiler} only wires it into Jet. The
 * forecasters are {@link io.sessiongrid.forecast.Forecasters}'.
 */
package io.sessiongrid.profiler;
