package io.sessiongrid.analyzer.internal;

import io.sessiongrid.analyzer.ConnectionSample;
import io.sessiongrid.analyzer.ConnectionTracker;
import io.sessiongrid.time.ScheduledTask;
import io.sessiongrid.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The {@link ConnectionTracker}: per connection, monotonic {@link LongAdder} counters that recording threads
 * increment; one flusher reads them once per interval and writes the differences since its last successful
 * flush. Nothing is reset, so an event racing with a flush is counted in this flush or the next, never lost;
 * a failed write leaves the marks where they were and the next flush carries the counts.
 */
public final class BufferedConnectionTracker implements ConnectionTracker {
    private static final Logger LOG = LoggerFactory.getLogger(BufferedConnectionTracker.class);
    /** The periodic flush runs this long after each interval boundary. */
    static final long FLUSH_DELAY_MILLIS = 25;

    private final BatchWriter writer;
    private final long intervalMillis;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Counters> live = new ConcurrentHashMap<>();
    private final LongAdder unknown = new LongAdder();
    private final AtomicLong failedFlushes = new AtomicLong();
    private final ScheduledTask periodicFlush;
    /** Periodic flushes failed in a row (periodic flusher only): the first is logged at warn, recovery at info. */
    private int failingFlushes;
    /** The interval the last successful flush was labelled with (under the flush lock). */
    private long lastFlushed = Long.MIN_VALUE;

    /**
     * @param scheduler runs the periodic flush once per interval; {@code null}: only {@link #flush()} writes
     */
    public BufferedConnectionTracker(BatchWriter writer, long intervalMillis, LongSupplier clock, Scheduler scheduler) {
        if (intervalMillis < 1) {
            throw new IllegalArgumentException("intervalMillis must be >= 1, got " + intervalMillis);
        }
        this.writer = writer;
        this.intervalMillis = intervalMillis;
        this.clock = clock;
        if (scheduler != null) {
            long now = clock.getAsLong();
            long delay = intervalMillis - Math.floorMod(now, intervalMillis) + FLUSH_DELAY_MILLIS;
            periodicFlush = scheduler.atFixedRate("tracker-flush", Duration.ofMillis(delay),
                    Duration.ofMillis(intervalMillis), this::periodicFlush);
        } else {
            periodicFlush = null;
        }
    }

    @Override
    public void opened(String connectionId, String sessionId, String member) {
        requireText(connectionId, "connectionId");
        requireText(sessionId, "sessionId");
        live.computeIfAbsent(connectionId, id -> new Counters(sessionId, writer.partitionOf(sessionId),
                member == null ? "" : member, clock.getAsLong()));
    }

    @Override
    public void request(String connectionId, String apiCall, long bytesIn, long bytesOut, long latencyMicros,
                        boolean error) {
        Counters c = live.get(connectionId);
        if (c == null) {
            unknown.increment();
            return;
        }
        c.requests.increment();
        if (error) {
            c.errors.increment();
        }
        if (bytesIn > 0) {
            c.bytesIn.add(bytesIn);
        }
        if (bytesOut > 0) {
            c.bytesOut.add(bytesOut);
        }
        if (latencyMicros > 0) {
            c.latency.add(latencyMicros);
        }
        String call = apiCall == null ? WindowTotals.OTHER : apiCall;
        ApiCounter a = c.api.get(call);
        if (a == null) {
            a = c.api.computeIfAbsent(c.api.size() < WindowTotals.MAX_API_CALLS ? call : WindowTotals.OTHER,
                    c::newCall);
        }
        a.count.increment();
    }

    @Override
    public void closed(String connectionId) {
        Counters c = live.get(connectionId);
        if (c == null) {
            unknown.increment();
        } else {
            c.closed = true;
        }
    }

    @Override
    public void flush() {
        long now = clock.getAsLong();
        flushInterval(now - Math.floorMod(now, intervalMillis));
    }

    private void periodicFlush() {
        try {
            long now = clock.getAsLong();
            flushInterval(now - Math.floorMod(now, intervalMillis) - intervalMillis);
            if (failingFlushes > 0) {
                LOG.info("connection tracker flush works again after {} failed flush(es)", failingFlushes);
                failingFlushes = 0;
            }
        } catch (RuntimeException e) {
            // The counts stay and go with the next flush; say so once per outage, not once per interval.
            if (failingFlushes++ == 0) {
                LOG.warn("connection tracker flush failed; its counts go with the next flush: {}", e.toString());
                LOG.debug("connection tracker flush failure", e);
            } else {
                LOG.debug("connection tracker flush failed again ({} in a row)", failingFlushes, e);
            }
        }
    }

    /**
     * Writes one sample per open connection (and a last one per closed one), labelled {@code intervalStart}.
     * An interval is labelled at most once: a flush that comes late (the timer caught up after a pause) or an
     * explicit flush in the same interval writes nothing, and its counts go with the next flush. Two samples of
     * one connection with the same label would look like a replay to the Jet job.
     */
    synchronized void flushInterval(long intervalStart) {
        if (intervalStart <= lastFlushed) {
            return;
        }
        int n = writer.partitions();
        List<List<ConnectionSample>> parts = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            parts.add(new ArrayList<>());
        }
        List<Map.Entry<String, Counters>> flushed = new ArrayList<>(live.size());
        for (Map.Entry<String, Counters> e : live.entrySet()) {
            ConnectionSample s = e.getValue().prepare(e.getKey(), intervalStart, intervalMillis);
            parts.get(e.getValue().partition).add(s);
            flushed.add(e);
        }
        List<SampleBatch> batches = new ArrayList<>(n);
        for (List<ConnectionSample> part : parts) {
            batches.add(new SampleBatch(writer.source(), intervalStart, intervalMillis,
                    part.toArray(new ConnectionSample[0])));
        }
        try {
            writer.write(batches);
        } catch (RuntimeException e) {
            failedFlushes.incrementAndGet();
            throw e;
        }
        lastFlushed = intervalStart;
        for (Map.Entry<String, Counters> e : flushed) {
            Counters c = e.getValue();
            c.commit();
            if (c.closedSent) {
                live.remove(e.getKey(), c);
            }
        }
    }

    @Override
    public int openConnections() {
        return live.size();
    }

    @Override
    public long unknownConnectionEvents() {
        return unknown.sum();
    }

    @Override
    public long failedFlushes() {
        return failedFlushes.get();
    }

    @Override
    public void close() {
        if (periodicFlush != null) {
            periodicFlush.cancel(); // waits for a periodic flush in progress
        }
        flush();
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    private static final ApiCounter[] NO_CALLS = new ApiCounter[0];

    /** One API call's count on one connection; {@code sent}/{@code pending} belong to the flusher. */
    private static final class ApiCounter {
        final String call;
        final LongAdder count = new LongAdder();
        long sent;
        long pending;

        ApiCounter(String call) {
            this.call = call;
        }
    }

    /** One connection's counters. The adders are shared; the rest belongs to the flusher (under its lock). */
    private static final class Counters {
        final String sessionId;
        final int partition;
        final String member;
        final long openedAt;
        final LongAdder requests = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder bytesIn = new LongAdder();
        final LongAdder bytesOut = new LongAdder();
        final LongAdder latency = new LongAdder();
        final ConcurrentHashMap<String, ApiCounter> api = new ConcurrentHashMap<>(4);
        /** The counters of {@link #api} as an array: the flusher walks it for every connection every interval. */
        volatile ApiCounter[] counters = NO_CALLS;
        volatile boolean closed;

        // Flusher-owned: what the last successful flush covered, and what the pending one covers.
        boolean openSent;
        boolean closedSent;
        final long[] sent = new long[5];
        final long[] pending = new long[5];
        boolean pendingClose;

        /** Called by {@code api.computeIfAbsent}, once per call name. */
        synchronized ApiCounter newCall(String call) {
            ApiCounter a = new ApiCounter(call);
            ApiCounter[] grown = Arrays.copyOf(counters, counters.length + 1);
            grown[counters.length] = a;
            counters = grown;
            return a;
        }

        Counters(String sessionId, int partition, String member, long openedAt) {
            this.sessionId = sessionId;
            this.partition = partition;
            this.member = member;
            this.openedAt = openedAt;
        }

        ConnectionSample prepare(String id, long intervalStart, long intervalMillis) {
            pendingClose = closed; // read first: events before close() are in the sums read below
            pending[0] = requests.sum();
            pending[1] = errors.sum();
            pending[2] = bytesIn.sum();
            pending[3] = bytesOut.sum();
            pending[4] = latency.sum();
            int active = 0;
            ApiCounter[] known = counters;
            for (ApiCounter a : known) {
                a.pending = a.count.sum();
                if (a.pending > a.sent) {
                    active++;
                }
            }
            String[] calls = new String[active];
            long[] callCounts = new long[active];
            int k = 0;
            for (ApiCounter a : known) {
                if (a.pending > a.sent && k < active) { // a call added since the count above waits for the next flush
                    calls[k] = a.call;
                    callCounts[k++] = a.pending - a.sent;
                } else {
                    a.pending = a.sent;
                }
            }
            return new ConnectionSample(id, sessionId, member, intervalStart, intervalMillis, openedAt,
                    openSent ? 0 : 1, pendingClose ? 1 : 0, pending[0] - sent[0], pending[1] - sent[1],
                    pending[2] - sent[2], pending[3] - sent[3], pending[4] - sent[4],
                    k == active ? calls : Arrays.copyOf(calls, k),
                    k == active ? callCounts : Arrays.copyOf(callCounts, k));
        }

        void commit() {
            System.arraycopy(pending, 0, sent, 0, sent.length);
            for (ApiCounter a : counters) {
                a.sent = a.pending;
            }
            openSent = true;
            closedSent = pendingClose;
        }
    }
}
