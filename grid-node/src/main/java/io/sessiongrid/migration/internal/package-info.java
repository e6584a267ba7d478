/**
 * The migration's Hazelcast implementation: the coordinator and event router
 * ({@link io.sessiongrid.migration.internal.HazelcastMigrations}), the target's batch worker, the clean-up after
 * dead servers and missed deadlines, the drain plan and the move log. Not API.
 */
package io.sessiongrid.migration.internal;
