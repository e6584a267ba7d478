/**
 * What a node measures and where it publishes it. The rest of SessionGrid records through {@link
 * io.sessiongrid.metrics.Meters}, a small interface of its own; {@link io.sessiongrid.metrics.NodeMetrics}
 * binds it to Micrometer and publishes the meters as a Prometheus scrape endpoint ({@code /metrics}, JDK
 * {@code HttpServer}, loopback by default) and as JMX MBeans, per {@code metrics} in {@code sessiongrid.yaml}.
 * Micrometer types appear only here and in {@code internal}.
 *
 * <p>Meter names are dotted ({@code sessiongrid.store.operations}); Prometheus shows them with underscores and
 * unit suffixes ({@code sessiongrid_store_operations_seconds_count}). Every meter carries the tags {@code cluster}
 * and {@code node}. The list of meters, with what an operator does about each, is in the README's
 * "Monitoring" section and in {@code deploy/prometheus/alerts.yml}.
 */
package io.sessiongrid.metrics;
