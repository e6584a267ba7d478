package io.sessiongrid.analyzer.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.sessiongrid.analyzer.ConnectionSample;
import io.sessiongrid.analyzer.SeriesPoint;

import java.io.IOException;
import java.util.Arrays;

/**
 * The running totals of one open window: sums of the samples' counters and the API-call mix (at most
 * {@value #MAX_API_CALLS} names; the rest count under {@value #OTHER}). Counting and summing only, no averages,
 * so a window without samples is recognisable ({@link #isEmpty()}) and never stored (averaging in a sliding
 * window left phantom {@code -Infinity} windows after its deduct step).
 * The mix is two small parallel arrays searched linearly: a connection uses a handful of calls, and 300,000 of
 * these live at once with the default intervals and 100,000 connections.
 *
 * <p>Mutable; confined to one Jet processor.
 */
public final class WindowTotals {
    public static final int MAX_API_CALLS = 32;
    public static final String OTHER = "other";
    private static final String[] NO_CALLS = new String[0];
    private static final long[] NO_COUNTS = new long[0];

    long samples;
    long sampleMillis;
    long opens;
    long closes;
    long requests;
    long errors;
    long bytesIn;
    long bytesOut;
    long latency;
    long late;
    private String[] calls = NO_CALLS;
    private long[] counts = NO_COUNTS;
    private int callCount;

    /** Adds one sample; {@code late} marks it as counted here rather than in its own window. */
    public void add(ConnectionSample s, boolean late) {
        samples++;
        sampleMillis += s.intervalMillis();
        opens += s.opens();
        closes += s.closes();
        requests += s.requests();
        errors += s.errors();
        bytesIn += s.bytesIn();
        bytesOut += s.bytesOut();
        latency += s.latencyMicros();
        if (late) {
            this.late++;
        }
        String[] sampleCalls = s.apiCalls();
        long[] sampleCounts = s.apiCounts();
        for (int i = 0; i < sampleCalls.length; i++) {
            addCall(sampleCalls[i], sampleCounts[i]);
        }
    }

    /** Adds a point of the same window (a processor's share of a cluster window). */
    public void add(SeriesPoint p) {
        samples += p.samples();
        sampleMillis += Math.round(p.connections() * p.intervalMillis());
        opens += p.opens();
        closes += p.closes();
        requests += p.requests();
        errors += p.errors();
        bytesIn += p.bytesIn();
        bytesOut += p.bytesOut();
        latency += p.latencyMicros();
        late += p.late();
        String[] names = p.apiCalls();
        long[] values = p.apiCounts();
        for (int i = 0; i < names.length; i++) {
            addCall(names[i], values[i]);
        }
    }

    public void combine(WindowTotals o) {
        samples += o.samples;
        sampleMillis += o.sampleMillis;
        opens += o.opens;
        closes += o.closes;
        requests += o.requests;
        errors += o.errors;
        bytesIn += o.bytesIn;
        bytesOut += o.bytesOut;
        latency += o.latency;
        late += o.late;
        for (int i = 0; i < o.callCount; i++) {
            addCall(o.calls[i], o.counts[i]);
        }
    }

    private void addCall(String call, long count) {
        for (int i = 0; i < callCount; i++) {
            if (calls[i].equals(call)) {
                counts[i] += count;
                return;
            }
        }
        if (callCount == MAX_API_CALLS && !OTHER.equals(call)) {
            addCall(OTHER, count);
            return;
        }
        if (callCount == calls.length) {
            int grown = Math.min(MAX_API_CALLS + 1, Math.max(4, 2 * callCount));
            calls = Arrays.copyOf(calls, grown);
            counts = Arrays.copyOf(counts, grown);
        }
        calls[callCount] = call;
        counts[callCount++] = count;
    }

    /** Whether no sample was added since creation or the last {@link #clear()}. */
    public boolean isEmpty() {
        return samples == 0;
    }

    public long samples() {
        return samples;
    }

    public long requests() {
        return requests;
    }

    public long errors() {
        return errors;
    }

    public long closes() {
        return closes;
    }

    int callCount() {
        return callCount;
    }

    /** Copies the API-call mix into {@code names}/{@code values} from index {@code at}. */
    void copyCalls(String[] names, long[] values, int at) {
        System.arraycopy(calls, 0, names, at, callCount);
        System.arraycopy(counts, 0, values, at, callCount);
    }

    /** Back to empty, keeping the arrays (windows are reused, one per series and interval). */
    public void clear() {
        samples = 0;
        sampleMillis = 0;
        opens = 0;
        closes = 0;
        requests = 0;
        errors = 0;
        bytesIn = 0;
        bytesOut = 0;
        latency = 0;
        late = 0;
        // The names stay in the array (not nulled): they are the processor's shared instances, and nulling them
        // touched every closed window's array (a visible share of the job's time in a profile).
        callCount = 0;
    }

    /** The window as a point; {@code connections} is the average number of connections open in it. */
    public SeriesPoint toPoint(long windowStart, long intervalMillis) {
        String[] names = Arrays.copyOf(calls, callCount);
        long[] values = Arrays.copyOf(counts, callCount);
        return new SeriesPoint(windowStart, intervalMillis, samples, (double) sampleMillis / intervalMillis, opens,
                closes, requests, errors, bytesIn, bytesOut, latency, late, names, values);
    }

    /** Writes the totals for a Jet snapshot (see {@link #readFrom}). */
    void writeTo(ObjectDataOutput out) throws IOException {
        out.writeLong(samples);
        out.writeLong(sampleMillis);
        out.writeLong(opens);
        out.writeLong(closes);
        out.writeLong(requests);
        out.writeLong(errors);
        out.writeLong(bytesIn);
        out.writeLong(bytesOut);
        out.writeLong(latency);
        out.writeLong(late);
        out.writeInt(callCount);
        for (int i = 0; i < callCount; i++) {
            out.writeString(calls[i]);
            out.writeLong(counts[i]);
        }
    }

    static WindowTotals readFrom(ObjectDataInput in) throws IOException {
        WindowTotals t = new WindowTotals();
        t.samples = in.readLong();
        t.sampleMillis = in.readLong();
        t.opens = in.readLong();
        t.closes = in.readLong();
        t.requests = in.readLong();
        t.errors = in.readLong();
        t.bytesIn = in.readLong();
        t.bytesOut = in.readLong();
        t.latency = in.readLong();
        t.late = in.readLong();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            t.addCall(in.readString(), in.readLong());
        }
        return t;
    }
}
