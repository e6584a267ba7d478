package io.sessiongrid.analyzer.internal;

import com.hazelcast.jet.aggregate.AggregateOperation1;
import com.hazelcast.jet.aggregate.AggregateOperation;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.analyzer.ConnectionSample;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.config.compact.NamedCompactSerializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The Jet accumulator of one window: sums of the samples' counters and the API-call mix (at most
 * {@value #MAX_API_CALLS} names; the rest count under {@value #OTHER}). Counting-and-summing only, no averages,
 * so a window without samples can be recognised and dropped (STACK.md pitfall 4).
 */
public final class WindowTotals {
    public static final String TYPE_NAME = "sessiongrid.analyzer.WindowTotals";
    public static final int MAX_API_CALLS = 32;
    public static final String OTHER = "other";

    /** Sums samples into one {@link WindowTotals} per window. */
    public static final AggregateOperation1<ConnectionSample, WindowTotals, WindowTotals> OP = AggregateOperation
            .withCreate(WindowTotals::new)
            .<ConnectionSample>andAccumulate(WindowTotals::add)
            .andCombine(WindowTotals::combine)
            .andExportFinish(WindowTotals::copy);

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
    final Map<String, Long> api = new HashMap<>();

    public void add(ConnectionSample s) {
        samples++;
        sampleMillis += s.intervalMillis();
        opens += s.opens();
        closes += s.closes();
        requests += s.requests();
        errors += s.errors();
        bytesIn += s.bytesIn();
        bytesOut += s.bytesOut();
        latency += s.latencyMicros();
        late += s.late();
        String[] calls = s.apiCalls();
        long[] counts = s.apiCounts();
        for (int i = 0; i < calls.length; i++) {
            addCall(calls[i], counts[i]);
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
        o.api.forEach(this::addCall);
    }

    private void addCall(String call, long count) {
        String name = api.containsKey(call) || api.size() < MAX_API_CALLS ? call : OTHER;
        api.merge(name, count, Long::sum);
    }

    public WindowTotals copy() {
        WindowTotals c = new WindowTotals();
        c.combine(this);
        return c;
    }

    public long samples() {
        return samples;
    }

    public long requests() {
        return requests;
    }

    /** The window as a point; {@code connections} is the average number of connections open in it. */
    public SeriesPoint toPoint(long windowStart, long intervalMillis) {
        String[] calls = api.keySet().toArray(new String[0]);
        java.util.Arrays.sort(calls);
        long[] counts = new long[calls.length];
        for (int i = 0; i < calls.length; i++) {
            counts[i] = api.get(calls[i]);
        }
        return new SeriesPoint(windowStart, intervalMillis, samples, (double) sampleMillis / intervalMillis, opens,
                closes, requests, errors, bytesIn, bytesOut, latency, late, calls, counts);
    }

    /** Compact serializer (accumulators travel between members and into snapshots). */
    public static final class Serializer extends NamedCompactSerializer<WindowTotals> {
        public Serializer() {
            super(TYPE_NAME, WindowTotals.class);
        }

        @Override
        public WindowTotals read(CompactReader in) {
            WindowTotals t = new WindowTotals();
            t.samples = in.readInt64("samples");
            t.sampleMillis = in.readInt64("sampleMillis");
            t.opens = in.readInt64("opens");
            t.closes = in.readInt64("closes");
            t.requests = in.readInt64("requests");
            t.errors = in.readInt64("errors");
            t.bytesIn = in.readInt64("bytesIn");
            t.bytesOut = in.readInt64("bytesOut");
            t.latency = in.readInt64("latencyMicros");
            t.late = in.readInt64("late");
            String[] calls = in.readArrayOfString("apiCalls");
            long[] counts = in.readArrayOfInt64("apiCounts");
            for (int i = 0; i < calls.length; i++) {
                t.api.put(calls[i], counts[i]);
            }
            return t;
        }

        @Override
        public void write(CompactWriter out, WindowTotals t) {
            out.writeInt64("samples", t.samples);
            out.writeInt64("sampleMillis", t.sampleMillis);
            out.writeInt64("opens", t.opens);
            out.writeInt64("closes", t.closes);
            out.writeInt64("requests", t.requests);
            out.writeInt64("errors", t.errors);
            out.writeInt64("bytesIn", t.bytesIn);
            out.writeInt64("bytesOut", t.bytesOut);
            out.writeInt64("latencyMicros", t.latency);
            out.writeInt64("late", t.late);
            String[] calls = t.api.keySet().toArray(new String[0]);
            long[] counts = new long[calls.length];
            for (int i = 0; i < calls.length; i++) {
                counts[i] = t.api.get(calls[i]);
            }
            out.writeArrayOfString("apiCalls", calls);
            out.writeArrayOfInt64("apiCounts", counts);
        }
    }
}
