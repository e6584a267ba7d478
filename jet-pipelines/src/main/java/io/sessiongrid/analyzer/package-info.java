/**
 * The connection pattern analyzer: record what client connections do, aggregate it in a Jet job, score each
 * connection's health and forecast the cluster's load.
 *
 * <h2>Wiring</h2>
 * <pre>{@code
 * // every member, before it starts:
 * AnalyzerMaps.configure(memberConfig, sgConfig.analyzer());
 * // every client:
 * AnalyzerSerialization.register(clientConfig.getSerializationConfig());
 * // any member, after it started (idempotent; every member may call it):
 * AnalyzerJobs.ensureRunning(member, sgConfig.analyzer(), sgConfig.scaling());
 * // recording, one per process, member or client:
 * ConnectionTracker tracker = Analyzers.tracker(hz, sgConfig.analyzer());
 * // reading, member or client:
 * ConnectionAnalyzer analyzer = Analyzers.analyzer(hz);
 * }</pre>
 *
 * <h2>Data flow</h2>
 * A {@link io.sessiongrid.analyzer.ConnectionTracker} counts in memory and, once per flush interval (the
 * smallest configured interval), writes one {@link io.sessiongrid.analyzer.ConnectionSample} per open
 * connection, grouped into one batch per Hazelcast partition, with one {@code setAll} into
 * {@value io.sessiongrid.analyzer.AnalyzerMaps#INGEST}. Every partition gets a batch every interval, empty or
 * not: these are the heartbeats that move each journal partition's watermark, so windows close on time while
 * connections are idle (STACK.md pitfall 3).
 *
 * <p>The Jet job {@value io.sessiongrid.analyzer.AnalyzerJobs#JOB_NAME} reads the map's event journal, assigns
 * event time (the sample's interval start, allowed lag one flush interval: out-of-order writes from different
 * trackers are absorbed), and aggregates tumbling windows at every configured interval per connection, per
 * session and for the cluster: samples, average open connections, opens, closes, requests, errors, bytes in
 * and out, latency, late samples and the API-call mix, counted and summed only (pitfall 4); windows without
 * samples do not exist. A sample that arrives after its window could still take it is moved to the oldest
 * open window, marked late and counted ({@code lateEvents}) rather than silently dropped (pitfall 2). The
 * windows are appended, in place, by entry processors to bounded rings in Compact IMaps
 * ({@link io.sessiongrid.analyzer.AnalyzerMaps}). At the scoring interval (the second configured one, 5 s by
 * default) a keyed stage updates each connection's health state in O(1) and writes its
 * {@link io.sessiongrid.analyzer.HealthScore} ({@link io.sessiongrid.analyzer.score}), and a single stage
 * updates the cluster forecast ({@code Forecasters.auto()}, refit every 60 points, cheap updates in between)
 * into {@link io.sessiongrid.analyzer.ClusterForecast}.
 *
 * <h2>Monitoring</h2>
 * Jet user metrics of the job, visible in Management Center and through {@code Job.getMetrics()}:
 * {@code eventsIn}, {@code samplesIn}, {@code lateEvents}, {@code windowsEmitted}, {@code scoresComputed},
 * {@code forecastsComputed}, {@code forecastErrorPct}, {@code forecastMicros}.
 */
package io.sessiongrid.analyzer;
