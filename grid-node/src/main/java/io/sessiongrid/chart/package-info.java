/**
 * How SessionGrid draws its charts (the {@code simulate} chart, the demo report): one look (white plot, light
 * grid, the same colours, the forecast band as a translucent blue area) and headless PNG rendering, with
 * JFreeChart. Internal to grid-node's commands; not part of the plugin's API.
 */
package io.sessiongrid.chart;
