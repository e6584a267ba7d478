/**
 * The analyzer's implementation: the in-memory tracker and its batch writer, the Jet job's DAG and its two
 * processors (per-session/per-connection windows and scores; the cluster's windows and forecast), the window
 * accumulators, the form closed windows ship in, the processors' pending output, the bounded series rings (packed
 * for connections and sessions, column-wise for the cluster), the sweep of stale series, the cluster forecaster,
 * the one map key (routed by session id) and the Compact serializers. Not an API: use
 * {@link io.sessiongrid.analyzer}.
 */
package io.sessiongrid.analyzer.internal;
