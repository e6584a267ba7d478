/**
 * The built-in synthetic application of servers, so that load, latency and migrations are real rather than drawn.
 *
 * <ul>
 *   <li>{@link io.sessiongrid.workload.Workload}: how much each connection asks over time, from a
 *       {@link io.sessiongrid.workload.WorkloadShape}: the built-in time-compressed day with bursts
 *       ({@link io.sessiongrid.workload.DailyShape}) or a {@code timestamp,value} trace
 *       ({@link io.sessiongrid.workload.TraceShape}). Pure functions of the instant; days start at the epoch so
 *       separate server processes agree on the phase.</li>
 *   <li>{@link io.sessiongrid.workload.WorkloadServer}: the node component that serves the connections its server
 *       owns (reads and writes of the role's partitions through the session store, tracker events), following
 *       migration events and reconciling with the connection registry. Its book-keeping is pure:
 *       {@link io.sessiongrid.workload.RequestPacer} (how many requests are due) and
 *       {@link io.sessiongrid.workload.ServedConnections} (which connections are served).</li>
 *   <li>{@link io.sessiongrid.workload.WorkloadDriver}: the clients' side: creates sessions and opens connections
 *       on a server, and verifies the sessions at the end.</li>
 * </ul>
 *
 * <p>Who creates the connections: a driver, never the serving loop. {@code ./sessiongrid start --workload builtin
 * --connections N} makes the server its own driver (N sessions and connections opened on itself); tests, the
 * benchmarks and the demo open connections on the servers they choose, and each server's loop adopts them from the
 * registry within a second.
 */
package io.sessiongrid.workload;
