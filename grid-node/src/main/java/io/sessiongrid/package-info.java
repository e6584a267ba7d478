/**
 * SessionGrid's entry point for applications: {@link io.sessiongrid.SessionGrid} starts an embedded member
 * or connects as a Hazelcast client ({@code embedded}, {@code client}, or {@code start(NodeOptions)} for the full
 * form), and gives the same API either way. Every node starts and stops through the node runtime
 * ({@link io.sessiongrid.runtime}).
 */
package io.sessiongrid;
