package io.sessiongrid.analyzer.internal;

import com.hazelcast.jet.Traverser;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.Util;
import com.hazelcast.jet.core.AbstractProcessor;
import com.hazelcast.jet.core.BroadcastKey;
import com.hazelcast.jet.core.Watermark;
import com.hazelcast.jet.core.metrics.Metric;
import com.hazelcast.jet.core.metrics.Metrics;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import io.sessiongrid.analyzer.ConnectionSample;
import io.sessiongrid.analyzer.HealthScore;
import io.sessiongrid.analyzer.score.ConnectionHealth;
import io.sessiongrid.analyzer.score.HealthScorer;
import io.sessiongrid.analyzer.score.Score;
import io.sessiongrid.analyzer.score.ScoreParams;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The analyzer job's aggregation stage: takes whole sample batches (keyed by their ingest key, i.e. by the
 * sessions' Hazelcast partition) and keeps, per connection and per session, the open tumbling windows at
 * every configured interval, plus this processor's share of the cluster's windows. Working on batches, with
 * one hash lookup per sample and no per-sample Jet item, is what lets one member keep up with 100,000
 * connections reporting every second.
 *
 * <p>When windows close:
 * <ul>
 *   <li>a connection's window closes on the connection's own last sample of it (one tracker reports a
 *       connection, in order), or when the watermark passes it (the tracker went away);</li>
 *   <li>session windows and cluster shares close when the watermark passes them: a session's connections may
 *       be reported by several trackers, whose batches may arrive out of order by up to the allowed lag.</li>
 * </ul>
 * A window {@code [s, e)} holds samples stamped {@code s .. e - flush}, so it is complete once the watermark
 * is above {@code e - flush}. A sample older than what is still open (its windows closed) is moved to the
 * oldest open flush interval, marked late and counted ({@code lateEvents}): never dropped.
 *
 * <p>Outputs: ordinal {@value #TO_CONNECTIONS} connection series updates, {@value #TO_SESSIONS} session
 * series updates (both once per scoring window, carrying every window closed since, held until the next
 * watermark so that scores go first), {@value #TO_SCORES}
 * health scores (when a connection's scoring window closes), {@value #TO_CLUSTER} the processor's share of
 * each closed cluster window.
 */
public final class SeriesAggregatorP extends AbstractProcessor {
    public static final int TO_CONNECTIONS = 0;
    public static final int TO_SESSIONS = 1;
    public static final int TO_SCORES = 2;
    public static final int TO_CLUSTER = 3;
    /** A connection without a sample for this many scoring intervals is taken as gone. */
    static final int IDLE_INTERVALS = 20;
    /** Call names kept as one instance each; further names are not shared (each window still caps its mix). */
    private static final int MAX_CALL_NAMES = 4096;
    private static final String SHARE_KEY = "sessiongrid-cluster-share-";
    private static final String FLOOR_KEY = "sessiongrid-floor";

    private final long[] intervals;
    private final long flush;
    private final int scoreIndex;
    private final long scoreInterval;
    private final HealthScorer scorer;
    private final Map<String, SessionState> sessions = new HashMap<>();
    /**
     * One instance of each API-call name: every batch deserializes its own copies, and the open windows and the
     * stored series would otherwise each keep theirs (100,000s of identical strings in the old generation).
     */
    private final Map<String, String> callNames = new HashMap<>();
    /** This processor's share of the cluster's windows; restored shares of other processors follow it. */
    private final List<SeriesWindows> cluster = new ArrayList<>();
    /** Scores and cluster shares go out as they are made: scores are what the scaling engine waits for. */
    private final PendingOutput out = new PendingOutput(TO_SCORES, TO_CLUSTER, TO_CONNECTIONS, TO_SESSIONS);
    /**
     * Series updates trail: they are held until the next watermark (or snapshot), so at a scoring boundary, when
     * every connection's scoring window closes within one flush, all the scores reach the store before the
     * heavier series updates compete with them for the sinks and partition threads. They still go out in
     * whole batches (the map sink groups them by partition), about one flush interval later at most.
     */
    private final PendingOutput deferred;
    private final PendingOutput.Emitter emitter = this::tryEmit;
    /** Series updates held beyond this many go out at once (bounds the memory they hold). */
    static final int MAX_DEFERRED = 250_000;
    private int deferredCount;
    /** Start of the oldest flush interval still open for sessions and the cluster; earlier samples are late. */
    private long floor = Long.MIN_VALUE;
    private boolean pending;
    private int shareIndex;
    private Traverser<Map.Entry<Object, Object>> snapshot;
    private Metric eventsIn;
    private Metric samplesIn;
    private Metric lateEvents;
    private Metric windowsEmitted;
    private Metric scoresComputed;

    /**
     * @param intervals     window lengths in millis, ascending, each a multiple of the first (the flush interval)
     * @param scoreIndex    index of the scoring interval in {@code intervals}
     * @param horizonSteps  the scaling horizon in scoring intervals
     */
    public SeriesAggregatorP(long[] intervals, int scoreIndex, int horizonSteps) {
        this(intervals, scoreIndex, horizonSteps, true);
    }

    /**
     * @param deferSeries whether series updates wait for the next watermark (as in the job); without, they go out
     *                    right after the sample that closed their windows, which is easier to follow in tests
     */
    SeriesAggregatorP(long[] intervals, int scoreIndex, int horizonSteps, boolean deferSeries) {
        this.deferred = deferSeries ? new PendingOutput(TO_CONNECTIONS, TO_SESSIONS) : out;
        this.intervals = intervals.clone();
        this.flush = intervals[0];
        this.scoreIndex = scoreIndex;
        this.scoreInterval = intervals[scoreIndex];
        this.scorer = new HealthScorer(
                new ScoreParams(scoreInterval, horizonSteps, ScoreParams.DEFAULT_REFERENCE_RATE));
        cluster.add(new SeriesWindows(this.intervals));
    }

    @Override
    protected void init(Context context) {
        shareIndex = context.globalProcessorIndex();
    }

    /** User metrics can only be created on the thread running the processor, not always the one calling init. */
    private void metrics() {
        if (eventsIn == null) {
            eventsIn = Metrics.metric("eventsIn");
            samplesIn = Metrics.metric("samplesIn");
            lateEvents = Metrics.metric("lateEvents");
            windowsEmitted = Metrics.metric("windowsEmitted");
            scoresComputed = Metrics.metric("scoresComputed");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected boolean tryProcess(int ordinal, Object item) {
        if (!pending) {
            metrics();
            accept((Map.Entry<String, SampleBatch>) item);
            pending = true;
        }
        if (!out.drain(emitter) || (deferredCount > MAX_DEFERRED && !drainDeferred())) {
            return false;
        }
        pending = false;
        return true;
    }

    private boolean drainDeferred() {
        if (!deferred.drain(emitter)) {
            return false;
        }
        deferredCount = 0;
        return true;
    }

    @Override
    public boolean tryProcessWatermark(Watermark watermark) {
        if (!pending) {
            metrics();
            advance(watermark.timestamp());
            pending = true;
        }
        if (!out.drain(emitter) || !drainDeferred() || !tryEmit(watermark)) {
            return false;
        }
        pending = false;
        return true;
    }

    private void accept(Map.Entry<String, SampleBatch> entry) {
        ConnectionSample[] samples = entry.getValue().samples();
        long events = 0;
        for (ConnectionSample s : samples) {
            events += s.events();
            accept(entry.getKey(), s);
        }
        eventsIn.increment(events);
        samplesIn.increment(samples.length);
    }

    private void accept(String ingestKey, ConnectionSample s) {
        String[] calls = s.apiCalls();
        for (int i = 0; i < calls.length; i++) {
            String known = callNames.get(calls[i]);
            if (known != null) {
                calls[i] = known;
            } else if (callNames.size() < MAX_CALL_NAMES) {
                callNames.put(calls[i], calls[i]);
            }
        }
        long t = s.intervalStart();
        boolean late = false;
        if (t < floor) {
            t = floor;
            late = true;
        }
        SessionState session = sessions.get(s.sessionId());
        if (session == null) {
            session = new SessionState(s.sessionId(), ingestKey, intervals);
            sessions.put(s.sessionId(), session);
        }
        ConnectionState c = session.connections.get(s.connectionId());
        if (c == null) {
            c = new ConnectionState(s.connectionId(), new SeriesWindows(intervals), new ConnectionHealth(), t, t);
            session.connections.put(s.connectionId(), c);
        }
        // A connection's own late sample (a replay, or a tracker labelling an interval twice) joins its oldest
        // open window; it neither closes windows nor moves the connection on, or every later sample would
        // be late too.
        boolean behind = t < c.next;
        if (behind) {
            t = c.next;
            late = true;
        }
        if (late) {
            lateEvents.increment(s.events());
        }
        c.windows.add(s, t, late);
        session.windows.add(s, t, late);
        cluster.get(0).add(s, t, late);
        c.lastSample = Math.max(c.lastSample, t);
        if (s.closes() > 0) {
            finish(session, c, true, t + flush);
            session.connections.remove(c.connectionId);
        } else if (!behind) {
            c.next = t + flush;
            int scored = c.windows.closeEndingBy(t + flush, scoreIndex);
            if (scored >= 0) {
                score(session, c, scored);
            }
        }
    }

    /** Closes what the watermark completed; drops connections gone silent and sessions with nothing left. */
    private void advance(long watermark) {
        long limit = watermark + flush - 1;
        floor = Math.max(floor, watermark + Math.floorMod(-watermark, flush));
        long silentBefore = watermark - IDLE_INTERVALS * scoreInterval;
        for (Iterator<SessionState> it = sessions.values().iterator(); it.hasNext(); ) {
            SessionState session = it.next();
            for (Iterator<ConnectionState> ci = session.connections.values().iterator(); ci.hasNext(); ) {
                ConnectionState c = ci.next();
                if (c.lastSample < silentBefore) {
                    finish(session, c, false, watermark);
                    ci.remove();
                    continue;
                }
                int scored = c.windows.closeEndingBy(limit, scoreIndex);
                if (scored >= 0) {
                    score(session, c, scored);
                }
                c.next = Math.max(c.next, floor);
            }
            int closed = session.windows.closeEndingBy(limit, scoreIndex);
            boolean ended = session.connections.isEmpty() && session.windows.isIdle();
            if (closed >= 0 || ended) {
                emitSeries(TO_SESSIONS, ConnectionKey.session(session.sessionId), session.windows);
            }
            if (ended) {
                it.remove();
            }
        }
        for (Iterator<SeriesWindows> it = cluster.iterator(); it.hasNext(); ) {
            SeriesWindows share = it.next();
            share.closeEndingBy(limit, -1);
            ClosedWindows closed = share.takeClosed();
            for (int k = 0; closed != null && k < closed.size(); k++) {
                out.add(TO_CLUSTER, closed.point(k));
            }
            if (share != cluster.get(0) && share.isIdle()) {
                it.remove();
            }
        }
    }

    /**
     * Closes all of a connection's windows: it closed ({@code closed}) or went silent, as found at time
     * {@code now} (the time of its "no longer reported" score, later than any score it had).
     */
    private void finish(SessionState session, ConnectionState c, boolean closed, long now) {
        int scored = c.windows.closeEndingBy(Long.MAX_VALUE, scoreIndex);
        if (scored >= 0) {
            score(session, c, scored);
        } else {
            emitSeries(TO_CONNECTIONS, new ConnectionKey(session.sessionId, c.connectionId), c.windows);
        }
        if (!closed && !c.health.closed()) {
            out.add(TO_SCORES, new HealthScore(session.sessionId, c.connectionId, now, 0, 0, 0, 1, 0,
                    c.health.errorRate(), true, "no longer reported"));
        }
    }

    /** Scores the connection on its closed scoring window ({@code index} in its closed windows) and ships both. */
    private void score(SessionState session, ConnectionState c, int index) {
        ClosedWindows w = c.windows.closed();
        long windowStart = w.windowStart(index);
        if (c.health.observe(windowStart, scoreInterval, w.requests(index), w.errors(index), w.closes(index) > 0)) {
            Score s = scorer.score(c.health);
            scoresComputed.increment();
            out.add(TO_SCORES, new HealthScore(session.sessionId, c.connectionId, windowStart + scoreInterval,
                    s.score(), s.predictedRate(), s.usage(), s.churn(), s.decline(), s.errorRate(), c.health.closed(),
                    s.reason()));
        }
        emitSeries(TO_CONNECTIONS, new ConnectionKey(session.sessionId, c.connectionId), c.windows);
    }

    private void emitSeries(int ordinal, ConnectionKey key, SeriesWindows windows) {
        ClosedWindows closed = windows.takeClosed();
        if (closed != null) {
            windowsEmitted.increment(closed.size());
            deferred.add(ordinal, new SeriesUpdate(key, closed));
            deferredCount++;
        }
    }

    @Override
    public boolean saveToSnapshot() {
        // Held series updates are no longer in the state: they must be out before the state is saved.
        if (snapshot == null && !drainDeferred()) {
            return false;
        }
        if (snapshot == null) {
            List<Map.Entry<Object, Object>> entries = new ArrayList<>(sessions.size() + cluster.size() + 1);
            sessions.values().forEach(s -> entries.add(Util.entry(s.ingestKey, s)));
            cluster.forEach(w -> entries.add(Util.entry(SHARE_KEY + shareIndex, new ClusterShareState(intervals, w))));
            // Every processor gets every floor back and keeps the highest: sessions may move between processors,
            // and a floor below what was already shipped would reopen (and overwrite) shipped windows.
            entries.add(Util.entry(BroadcastKey.broadcastKey(FLOOR_KEY), floor));
            snapshot = Traversers.traverseIterable(entries).onFirstNull(() -> snapshot = null);
        }
        return emitFromTraverserToSnapshot(snapshot);
    }

    @Override
    protected void restoreFromSnapshot(Object key, Object value) {
        if (value instanceof SessionState s) {
            sessions.put(s.sessionId, s);
        } else if (value instanceof ClusterShareState share) {
            cluster.add(share.windows);
        } else if (key instanceof BroadcastKey<?> && value instanceof Long restoredFloor) {
            floor = Math.max(floor, restoredFloor);
        }
    }

    /** A cluster share in a snapshot (restored into whichever processor its key lands on: shares add up). */
    public static final class ClusterShareState implements DataSerializable {
        long[] intervals;
        SeriesWindows windows;

        public ClusterShareState() {
        }

        ClusterShareState(long[] intervals, SeriesWindows windows) {
            this.intervals = intervals;
            this.windows = windows;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeLongArray(intervals);
            windows.writeTo(out);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            intervals = in.readLongArray();
            windows = SeriesWindows.readFrom(in, intervals);
        }
    }
}
