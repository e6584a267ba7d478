/**
 * SessionGrid's entry point for applications: {@link io.sessiongrid.SessionGrid} starts an embedded member
 * or connects as a Hazelcast client, and gives the same API either way.
 */
package io.sessiongrid;
