/**
 * The analyzer's implementation: the in-memory tracker and its batch writer, the Jet pipeline, the late-sample
 * guard, the window accumulator, the bounded series rings, the cluster forecaster, the map keys (routed by
 * session id) and the Compact serializers. Not an API: use {@link io.sessiongrid.analyzer}.
 */
package io.sessiongrid.analyzer.internal;
