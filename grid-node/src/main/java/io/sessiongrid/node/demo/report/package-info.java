/**
 * What the {@code demo} command leaves behind: {@code summary.json} (the run's figures under fixed snake_case
 * keys, for scripts and tests) and {@code report.html} (one self-contained page: a header, charts of demand,
 * forecast band and capacity, of servers and migrations, of the SNI pool, the summary table and the events).
 *
 * <p>The demo collects {@link io.sessiongrid.node.demo.report.DemoSample}s, {@link
 * io.sessiongrid.node.demo.report.BandPoint}s and {@link io.sessiongrid.node.demo.report.DemoEvent}s while it runs,
 * builds a {@link io.sessiongrid.node.demo.report.DemoRun} at the end and hands it to {@link
 * io.sessiongrid.node.demo.report.DemoReport#write}. Nothing here touches Hazelcast: the charts are drawn headless
 * by JFreeChart and embedded in the page as PNG data URIs, so the page opens anywhere without a network.
 */
package io.sessiongrid.node.demo.report;
