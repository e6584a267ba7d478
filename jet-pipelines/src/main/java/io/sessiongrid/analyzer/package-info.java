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
 * connections are idle (a Jet window closes only when every source partition's watermark has passed it).
 *
 * <p>The Jet job {@value io.sessiongrid.analyzer.AnalyzerJobs#JOB_NAME} (a Core API DAG, see
 * {@code internal.AnalyzerDag}) reads the map's event journal with event time = the batch's interval start and
 * an allowed lag of one flush interval (out-of-order writes from different trackers are absorbed), and hands
 * whole batches, partitioned by ingest key, to one aggregating stage. Trackers put a session's samples into
 * the batch of the session's partition, so every connection of a session meets in one processor. There,
 * per connection and per session, tumbling windows at every configured interval count and sum the samples:
 * samples, average open connections, opens, closes, requests, errors, bytes in and out, latency, late
 * samples and the API-call mix (pitfall 4: no averages; windows without samples do not exist).
 * <ul>
 *   <li>A connection is reported by one tracker, in order, so its windows close on its own last sample of
 *       the window (no wait for the watermark), or on the watermark if its tracker went away. When its
 *       scoring window (the second configured interval, 5 s by default) closes, its health state is updated
 *       in O(1) and its {@link io.sessiongrid.analyzer.HealthScore} written ({@link io.sessiongrid.analyzer.score}),
 *       and every window it closed since the last time is appended, in one entry update, to its bounded
 *       series. So a connection's (and a session's) 1 s points reach the store in groups, once per scoring
 *       interval.</li>
 *   <li>Session windows and each processor's share of the cluster's windows close when the watermark passes
 *       them, about two flush intervals after their end (one for the flush, one for the allowed lag). The
 *       cluster stage adds the shares, writes the cluster series at every interval and, at the scoring
 *       interval, updates the cluster forecast ({@code Forecasters.auto()}, refit every 60 points, cheap
 *       updates in between) into {@link io.sessiongrid.analyzer.ClusterForecast}.</li>
 *   <li>A sample whose windows already closed is counted in the oldest window still open, marked late and
 *       counted in {@code lateEvents}: never dropped (pitfall 2). Windows close on time while connections are
 *       idle because every tracker writes every partition every interval (pitfall 3).</li>
 * </ul>
 * The job runs with at-least-once snapshots; its state (per session, with its connections) is saved under the
 * session's ingest key, so a restore puts it back where the session's samples arrive, and store updates are
 * idempotent per window (a window replayed after a restart replaces the stored one).
 *
 * <h2>Monitoring</h2>
 * Jet user metrics of the job, visible in Management Center and through {@code Job.getMetrics()}:
 * {@code eventsIn}, {@code samplesIn}, {@code lateEvents}, {@code windowsEmitted}, {@code scoresComputed},
 * {@code forecastsComputed}, {@code forecastErrorPct}, {@code forecastMicros}.
 */
package io.sessiongrid.analyzer;
