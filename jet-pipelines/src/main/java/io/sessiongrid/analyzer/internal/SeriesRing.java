package io.sessiongrid.analyzer.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.config.compact.NamedCompactSerializer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bounded history of the cluster's series at one interval (connections and sessions use {@link PackedRing}):
 * the newest {@code capacity} points, stored column-wise (one primitive array per field, grown by doubling up to
 * the capacity) so that an append is amortized O(1); about 90 bytes per point. Windows without
 * samples are not stored, so gaps show as missing window starts. The API-call mix is kept for the newest window
 * that had one (windows of an idle connection have none), not for every point.
 *
 * <p>Mutable, and confined to the partition thread that owns the entry: it is only changed inside entry
 * processors ({@link #append}), and the maps holding it use the OBJECT in-memory format so that an append
 * does not deserialize and re-serialize the whole history.
 */
public final class SeriesRing {
    public static final String TYPE_NAME = "sessiongrid.analyzer.SeriesRing";

    private static final int INITIAL = 8;

    private final long intervalMillis;
    private final int capacity;
    private int size;
    private int head; // index of the oldest point; stays 0 until the arrays reached capacity
    private long[] start;
    private long[] samples;
    private double[] connections;
    private long[] opens;
    private long[] closes;
    private long[] requests;
    private long[] errors;
    private long[] bytesIn;
    private long[] bytesOut;
    private long[] latency;
    private long[] late;
    private String[] apiCalls = new String[0];
    private long[] apiCounts = new long[0];
    private long apiStart = Long.MIN_VALUE;

    public SeriesRing(long intervalMillis, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.intervalMillis = intervalMillis;
        this.capacity = capacity;
        allocate(Math.min(capacity, INITIAL));
    }

    /** Grows the columns to {@code length} (only while head is 0, before the ring wraps). */
    private void allocate(int length) {
        start = start == null ? new long[length] : Arrays.copyOf(start, length);
        samples = samples == null ? new long[length] : Arrays.copyOf(samples, length);
        connections = connections == null ? new double[length] : Arrays.copyOf(connections, length);
        opens = opens == null ? new long[length] : Arrays.copyOf(opens, length);
        closes = closes == null ? new long[length] : Arrays.copyOf(closes, length);
        requests = requests == null ? new long[length] : Arrays.copyOf(requests, length);
        errors = errors == null ? new long[length] : Arrays.copyOf(errors, length);
        bytesIn = bytesIn == null ? new long[length] : Arrays.copyOf(bytesIn, length);
        bytesOut = bytesOut == null ? new long[length] : Arrays.copyOf(bytesOut, length);
        latency = latency == null ? new long[length] : Arrays.copyOf(latency, length);
        late = late == null ? new long[length] : Arrays.copyOf(late, length);
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    /** Start of the newest window, or {@code Long.MIN_VALUE} when empty. */
    public long newestStart() {
        return size == 0 ? Long.MIN_VALUE : start[index(size - 1)];
    }

    /**
     * Adds {@code p} as the newest point, dropping the oldest when full. A point for the newest window replaces
     * it (a replay after a job restart re-emits whole windows: replacing keeps the store exact); a point older
     * than the newest is ignored.
     *
     * @return whether the ring changed
     */
    public boolean append(SeriesPoint p) {
        int i;
        long newest = newestStart();
        if (size > 0 && p.windowStart() < newest) {
            return false;
        } else if (size > 0 && p.windowStart() == newest) {
            i = index(size - 1);
        } else if (size < capacity) {
            if (size == start.length) {
                allocate(Math.min(capacity, 2 * start.length));
            }
            i = index(size++);
        } else {
            i = head;
            head = (head + 1) % start.length;
        }
        start[i] = p.windowStart();
        samples[i] = p.samples();
        connections[i] = p.connections();
        opens[i] = p.opens();
        closes[i] = p.closes();
        requests[i] = p.requests();
        errors[i] = p.errors();
        bytesIn[i] = p.bytesIn();
        bytesOut[i] = p.bytesOut();
        latency[i] = p.latencyMicros();
        late[i] = p.late();
        if (p.apiCalls().length > 0 || p.windowStart() == apiStart) {
            apiCalls = p.apiCalls();
            apiCounts = p.apiCounts();
            apiStart = p.windowStart();
        }
        return true;
    }

    /** The points, oldest first; only the newest with an API-call mix carries it. */
    public List<SeriesPoint> points() {
        List<SeriesPoint> out = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            int i = index(k);
            boolean newest = start[i] == apiStart;
            out.add(new SeriesPoint(start[i], intervalMillis, samples[i], connections[i], opens[i], closes[i],
                    requests[i], errors[i], bytesIn[i], bytesOut[i], latency[i], late[i],
                    newest ? apiCalls : null, newest ? apiCounts : null));
        }
        return out;
    }

    /** Request rates (per second), oldest first. */
    public double[] requestRates() {
        double[] out = new double[size];
        for (int k = 0; k < size; k++) {
            out[k] = requests[index(k)] * 1000.0 / intervalMillis;
        }
        return out;
    }

    private int index(int k) {
        return (head + k) % start.length;
    }

    /** Compact serializer: the columns in order, oldest first. */
    public static final class Serializer extends NamedCompactSerializer<SeriesRing> {
        public Serializer() {
            super(TYPE_NAME, SeriesRing.class);
        }

        @Override
        public SeriesRing read(CompactReader in) {
            SeriesRing r = new SeriesRing(in.readInt64("intervalMillis"), in.readInt32("capacity"));
            long[] st = in.readArrayOfInt64("windowStart");
            long[] sa = in.readArrayOfInt64("samples");
            double[] co = in.readArrayOfFloat64("connections");
            long[] op = in.readArrayOfInt64("opens");
            long[] cl = in.readArrayOfInt64("closes");
            long[] rq = in.readArrayOfInt64("requests");
            long[] er = in.readArrayOfInt64("errors");
            long[] bi = in.readArrayOfInt64("bytesIn");
            long[] bo = in.readArrayOfInt64("bytesOut");
            long[] la = in.readArrayOfInt64("latencyMicros");
            long[] lt = in.readArrayOfInt64("late");
            String[] calls = in.readArrayOfString("apiCalls");
            long[] counts = in.readArrayOfInt64("apiCounts");
            long callsStart = in.readInt64("apiStart");
            for (int k = 0; k < st.length; k++) {
                boolean newest = st[k] == callsStart;
                r.append(new SeriesPoint(st[k], r.intervalMillis, sa[k], co[k], op[k], cl[k], rq[k], er[k], bi[k],
                        bo[k], la[k], lt[k], newest ? calls : null, newest ? counts : null));
            }
            return r;
        }

        @Override
        public void write(CompactWriter out, SeriesRing r) {
            double[] co = new double[r.size];
            for (int k = 0; k < r.size; k++) {
                co[k] = r.connections[r.index(k)];
            }
            // Ascending field names (NamedCompactSerializer): the bytes other Hazelcast clients write.
            out.writeArrayOfString("apiCalls", r.apiCalls);
            out.writeArrayOfInt64("apiCounts", r.apiCounts);
            out.writeInt64("apiStart", r.apiStart);
            out.writeArrayOfInt64("bytesIn", column(r, r.bytesIn));
            out.writeArrayOfInt64("bytesOut", column(r, r.bytesOut));
            out.writeInt32("capacity", r.capacity());
            out.writeArrayOfInt64("closes", column(r, r.closes));
            out.writeArrayOfFloat64("connections", co);
            out.writeArrayOfInt64("errors", column(r, r.errors));
            out.writeInt64("intervalMillis", r.intervalMillis);
            out.writeArrayOfInt64("late", column(r, r.late));
            out.writeArrayOfInt64("latencyMicros", column(r, r.latency));
            out.writeInt64("newestRequests", r.size == 0 ? 0 : r.requests[r.index(r.size - 1)]);
            out.writeInt64("newestStart", r.size == 0 ? 0 : r.newestStart());
            out.writeArrayOfInt64("opens", column(r, r.opens));
            out.writeArrayOfInt64("requests", column(r, r.requests));
            out.writeArrayOfInt64("samples", column(r, r.samples));
            out.writeArrayOfInt64("windowStart", column(r, r.start));
        }

        private static long[] column(SeriesRing r, long[] values) {
            long[] out = new long[r.size];
            for (int k = 0; k < r.size; k++) {
                out[k] = values[r.index(k)];
            }
            return out;
        }
    }
}
