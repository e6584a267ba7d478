/**
 * The node runtime's implementation: {@link io.sessiongrid.runtime.internal.NodeRuntime} (ordered start and
 * graceful stop), the built-in components, the node's task tracking, membership logging and the signal handling
 * of a server process ({@link io.sessiongrid.runtime.internal.GracefulStop}).
 */
package io.sessiongrid.runtime.internal;
