/**
 * The one node runtime: how every SessionGrid node starts and stops, whether it is an embedded member
 * ({@code SessionGrid.embedded}), a client ({@code SessionGrid.client}) or a server process
 * ({@code ./sessiongrid start}).
 *
 * <ul>
 *   <li>{@link io.sessiongrid.runtime.NodeOptions} (built and validated with {@code NodeOptions.builder()}) says
 *       what to start: the plugin configuration, the node's {@link io.sessiongrid.runtime.NodeKind} and its
 *       Hazelcast configuration, role, server id, redirect address, clock, scheduler and extra components.</li>
 *   <li>{@link io.sessiongrid.runtime.NodeComponent} is the hook for every part that runs with a node: started in
 *       order after the Hazelcast instance and the core services are up, closed in reverse order before the
 *       instance shuts down. The built-in components (Jet jobs, SQL mappings, SNI reservation feed and sweeper)
 *       use it too.</li>
 *   <li>{@link io.sessiongrid.runtime.NodeContext} is what a component gets: the instance, the configuration,
 *       the node's kind, role and server id, its {@link java.time.Clock} and
 *       {@link io.sessiongrid.time.Scheduler}, the core services, and the components started before it.</li>
 *   <li>{@link io.sessiongrid.runtime.SqlMappings} collects the SQL mappings data members create.</li>
 * </ul>
 *
 * <p>Time and scheduling are injected ({@code NodeOptions.Builder.clock/scheduler}; defaults: the system clock
 * and one daemon scheduler per node), so the same components run live, in simulated time and in unit tests.
 */
package io.sessiongrid.runtime;
