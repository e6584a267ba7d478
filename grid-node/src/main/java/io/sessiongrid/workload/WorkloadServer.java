package io.sessiongrid.workload;

import io.sessiongrid.SessionGrid;
import io.sessiongrid.analyzer.ConnectionTracker;
import io.sessiongrid.migration.MoveEvent;
import io.sessiongrid.migration.ServerNode;
import io.sessiongrid.runtime.NodeComponent;
import io.sessiongrid.runtime.NodeContext;
import io.sessiongrid.servers.ConnectionOwnership;
import io.sessiongrid.servers.ConnectionOwnership.Phase;
import io.sessiongrid.session.PartitionNotFoundException;
import io.sessiongrid.session.SessionPartition;
import io.sessiongrid.session.SessionStore;
import io.sessiongrid.session.replay.SessionReplays;
import io.sessiongrid.time.ScheduledTask;
import io.sessiongrid.workload.ServedConnections.Served;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The built-in synthetic application of a server ({@code ./sessiongrid start --workload builtin|FILE}): it executes
 * the requests of the connections this server owns at the rate the {@link Workload} sets for the moment, each a
 * read or a write of one of the role's partition types of the connection's session through the session store (so
 * reads after a move hit the warm copy), reported to the tracker as the application's requests. It follows its
 * connections as a real connection layer would: it stops serving one when the migration says it moved away and
 * starts when one arrives; a reconcile with the connection registry every {@link #RECONCILE} adopts connections a
 * driver opened for this server.
 *
 * <p>Writes put the element {@code by-<server>} = {@code <count>:<padding>}: how many writes this server made on the
 * connection, so a test can see who served a session. Requests run on the node's scheduler, one tick every
 * {@link #TICK}, one at a time: latency is the store's, not a queue's. Latencies go to an HdrHistogram recorder
 * ({@link #takeLatencies()}).
 */
public final class WorkloadServer implements NodeComponent {
    /** How often due requests are executed. */
    public static final Duration TICK = Duration.ofMillis(50);
    /** How often the served set is reconciled with the connection registry. */
    public static final Duration RECONCILE = Duration.ofSeconds(1);
    /** How far a server may fall behind before it sheds requests. */
    public static final Duration MAX_BACKLOG = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(WorkloadServer.class);

    private final Workload workload;
    private final ServedConnections served = new ServedConnections();
    private final Recorder latencies = new Recorder(3);
    private final LongAdder reads = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final SplittableRandom random = new SplittableRandom(42);
    private final Map<String, Long> writeCounts = new HashMap<>();
    private RequestPacer pacer;
    private NodeContext node;
    private ServerNode server;
    private ConnectionTracker tracker;
    private List<String> types;
    private String writeElement;
    private String padding;
    private String listenerId;
    private ScheduledTask tick;
    private ScheduledTask reconcile;

    public WorkloadServer(Workload workload) {
        this.workload = workload;
    }

    @Override
    public void start(NodeContext node) {
        this.node = node;
        this.server = node.component(ServerNode.class).orElseThrow(() ->
                new IllegalStateException("the workload needs the node's server component"));
        this.tracker = server.tracker();
        this.types = List.copyOf(SessionReplays.typesOf(node.config(), node.role().orElse(null)));
        this.writeElement = writeElement(node.serverId());
        this.padding = ":" + "x".repeat(Math.max(0, workload.valueChars() - 1));
        this.pacer = new RequestPacer(workload, MAX_BACKLOG);
        this.listenerId = server.migrations().addListener(this::onMove);
        this.reconcile = node.scheduler().withFixedDelay("workload-reconcile", Duration.ZERO, RECONCILE, this::reconcile);
        this.tick = node.scheduler().withFixedDelay("workload-requests", TICK, TICK, this::tick);
        LOG.info("workload on server {}: {}", node.serverId(), workload.describe());
    }

    private void onMove(MoveEvent event) {
        if (event instanceof MoveEvent.ConnectionArrived a) {
            if (served.arrived(a.connectionId(), a.sessionId())) {
                opened(new Served(a.connectionId(), a.sessionId()));
            }
        } else if (event instanceof MoveEvent.ConnectionMovedAway m) {
            if (served.left(m.connectionId())) {
                tracker.closed(m.connectionId()); // the client went to the target: this server's socket closes
            }
        }
    }

    /** Adopts the connections the registry says this server serves; drops those it says moved elsewhere. */
    private void reconcile() {
        try {
            long mark = served.mark();
            Map<String, String> owned = new HashMap<>();
            for (ConnectionOwnership c : server.servers().connections(node.serverId())) {
                // MOVING: still ours until the flip; ACCEPTING: ours only once the target fenced (its event says so)
                if (c.server().equals(node.serverId()) && (c.phase() == Phase.OWNED || c.phase() == Phase.MOVING)) {
                    owned.put(c.connectionId(), c.sessionId());
                }
            }
            ServedConnections.Changes changes = served.reconcile(mark, owned);
            changes.started().forEach(this::opened);
            changes.stopped().forEach(s -> tracker.closed(s.connectionId()));
        } catch (RuntimeException e) {
            LOG.debug("workload reconcile failed, retried in {}: {}", RECONCILE, e.toString());
        }
    }

    private void opened(Served s) {
        try {
            tracker.opened(s.connectionId(), s.sessionId()); // already ours in the registry: only the tracker learns
        } catch (RuntimeException e) {
            LOG.debug("workload: tracker did not take connection {}: {}", s.connectionId(), e.toString());
        }
    }

    private void tick() {
        if (!node.hazelcast().getLifecycleService().isRunning()) {
            return;
        }
        Map<String, String> sessions = new HashMap<>();
        for (Served s : served.served()) {
            sessions.put(s.connectionId(), s.sessionId());
        }
        Map<String, Integer> due = pacer.due(node.clock().instant(), sessions.keySet());
        for (Map.Entry<String, Integer> e : due.entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                if (!served.contains(e.getKey())) {
                    break; // moved away meanwhile
                }
                request(e.getKey(), sessions.get(e.getKey()));
            }
        }
    }

    private void request(String connectionId, String sessionId) {
        SessionStore store = node.sessions();
        String type = types.get(random.nextInt(types.size()));
        boolean write = random.nextDouble() < workload.writeFraction();
        long start = System.nanoTime();
        long bytesIn = 0;
        long bytesOut = 0;
        boolean error = false;
        try {
            if (write) {
                String value = writeCounts.merge(connectionId, 1L, Long::sum) + padding;
                bytesIn = value.length() + writeElement.length();
                try {
                    store.put(sessionId, type, writeElement, value);
                } catch (PartitionNotFoundException e) {
                    store.set(sessionId, type, Map.of(writeElement, value));
                }
                writes.increment();
            } else {
                bytesOut = store.get(sessionId, type).map(WorkloadServer::size).orElse(0L);
                reads.increment();
            }
        } catch (RuntimeException e) {
            error = true;
            errors.increment();
        }
        long micros = (System.nanoTime() - start) / 1_000;
        latencies.recordValue(Math.max(0, micros));
        tracker.request(connectionId, write ? "write" : "read", bytesIn, bytesOut, micros, error);
    }

    /** The element a server's writes put in a session: {@code by-<server id>} (a valid element name). */
    public static String writeElement(String serverId) {
        String name = "by-" + serverId.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static long size(SessionPartition p) {
        long bytes = 0;
        for (Map.Entry<String, String> e : p.elements().entrySet()) {
            bytes += e.getKey().length() + e.getValue().length();
        }
        return bytes;
    }

    /** The latencies (microseconds) of the requests since the last call. */
    public Histogram takeLatencies() {
        return latencies.getIntervalHistogram();
    }

    /** The connections this server serves now. */
    public List<Served> served() {
        return served.served();
    }

    public WorkloadStats stats() {
        return new WorkloadStats(served.size(), reads.sum() + writes.sum(), reads.sum(), writes.sum(), errors.sum(),
                pacer == null ? 0 : pacer.shed(), served.arrivals(), served.departures());
    }

    public Workload workload() {
        return workload;
    }

    /** The workload component of {@code grid}'s node, if it runs one. */
    public static java.util.Optional<WorkloadServer> of(SessionGrid grid) {
        return grid.node().component(WorkloadServer.class);
    }

    @Override
    public void close() {
        if (tick != null) {
            tick.cancel();
        }
        if (reconcile != null) {
            reconcile.cancel();
        }
        if (listenerId != null) {
            server.migrations().removeListener(listenerId);
        }
    }
}
