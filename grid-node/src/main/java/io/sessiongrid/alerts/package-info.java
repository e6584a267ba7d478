/**
 * Alerts an application can act on without Prometheus: the conditions of {@code deploy/prometheus/alerts.yml},
 * evaluated on every node from what the node can see, and delivered to {@link io.sessiongrid.alerts.AlertListener}s
 * the application registers ({@code SessionGrid.alerts()}), embedded or as a client.
 *
 * <p>{@link io.sessiongrid.alerts.AlertRules} is the pure decision: figures in, raised and cleared alerts out,
 * with an injected clock, so its thresholds are unit-tested; {@code internal.AlertMonitor} collects the figures on
 * the node's scheduler. A condition must hold for its {@link io.sessiongrid.alerts.AlertKind#holdFor()} before the
 * alert is raised (like Prometheus' {@code for:}), and an alert is cleared when its condition no longer holds.
 */
package io.sessiongrid.alerts;
