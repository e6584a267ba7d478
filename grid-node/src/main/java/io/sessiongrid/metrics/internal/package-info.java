/**
 * The Micrometer side of {@link io.sessiongrid.metrics.Meters}: the adapter, the JDK-HttpServer scrape endpoint,
 * the metered session store and the gauges read from the cluster, the tracker, the analyzer job and the SNI pool.
 */
package io.sessiongrid.metrics.internal;
