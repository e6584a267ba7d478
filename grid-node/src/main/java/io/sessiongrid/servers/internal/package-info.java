/**
 * The registry's Hazelcast implementation: its stored records, the one entry processor that makes every change to
 * a connection entry ({@link io.sessiongrid.servers.internal.OwnershipProcessor}, each step conditional on the
 * entry's state), and the ownership-registering tracker. Not API.
 */
package io.sessiongrid.servers.internal;
