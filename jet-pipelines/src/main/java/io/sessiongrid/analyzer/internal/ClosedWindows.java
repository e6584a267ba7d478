package io.sessiongrid.analyzer.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.config.compact.NamedCompactSerializer;

import java.io.IOException;
import java.util.Arrays;

/**
 * Closed windows of one series, in closing order: the numeric fields of all windows in one primitive array
 * (window after window, {@value #FIELDS} fields each), the API-call mixes flattened ({@code apiSizes[k]}
 * entries for window {@code k}). The aggregating processor
 * collects a series' closed windows here and ships them as one {@link SeriesUpdate}: about 120,000 windows
 * close every second with 100,000 connections, and one object per window (plus its serialization as a nested
 * record) was the largest source of garbage in the job.
 *
 * <p>Mutable while collected; not shared.
 */
public final class ClosedWindows {
    public static final String TYPE_NAME = "sessiongrid.analyzer.ClosedWindows";
    private static final int FIELDS = 12;
    private static final int INTERVAL = 0;
    private static final int START = 1;
    private static final int SAMPLES = 2;
    private static final int SAMPLE_MILLIS = 3;
    private static final int OPENS = 4;
    private static final int CLOSES = 5;
    private static final int REQUESTS = 6;
    private static final int ERRORS = 7;
    private static final int BYTES_IN = 8;
    private static final int BYTES_OUT = 9;
    private static final int LATENCY = 10;
    private static final int LATE = 11;

    /** Window k's fields at {@code k * FIELDS + field}. */
    private long[] values;
    private int size;
    private int[] apiSizes;
    private String[] apiCalls = new String[0];
    private long[] apiCounts = new long[0];
    private int apiTotal;

    public ClosedWindows() {
        this(4);
    }

    private ClosedWindows(int capacity) {
        values = new long[capacity * FIELDS];
        apiSizes = new int[capacity];
    }

    public int size() {
        return size;
    }

    /** Appends the window {@code [windowStart, windowStart + intervalMillis)} with totals {@code t}. */
    void add(WindowTotals t, long windowStart, long intervalMillis) {
        if (size == apiSizes.length) {
            int grown = Math.max(4, 2 * size);
            values = Arrays.copyOf(values, grown * FIELDS);
            apiSizes = Arrays.copyOf(apiSizes, grown);
        }
        set(INTERVAL, intervalMillis);
        set(START, windowStart);
        set(SAMPLES, t.samples);
        set(SAMPLE_MILLIS, t.sampleMillis);
        set(OPENS, t.opens);
        set(CLOSES, t.closes);
        set(REQUESTS, t.requests);
        set(ERRORS, t.errors);
        set(BYTES_IN, t.bytesIn);
        set(BYTES_OUT, t.bytesOut);
        set(LATENCY, t.latency);
        set(LATE, t.late);
        int calls = t.callCount();
        if (apiTotal + calls > apiCalls.length) {
            int grown = Math.max(8, 2 * (apiTotal + calls));
            apiCalls = Arrays.copyOf(apiCalls, grown);
            apiCounts = Arrays.copyOf(apiCounts, grown);
        }
        t.copyCalls(apiCalls, apiCounts, apiTotal);
        apiTotal += calls;
        apiSizes[size++] = calls;
    }

    private void set(int field, long value) {
        values[size * FIELDS + field] = value;
    }

    private long get(int k, int field) {
        return values[k * FIELDS + field];
    }

    public long intervalMillis(int k) {
        return get(k, INTERVAL);
    }

    public long windowStart(int k) {
        return get(k, START);
    }

    public long requests(int k) {
        return get(k, REQUESTS);
    }

    public long errors(int k) {
        return get(k, ERRORS);
    }

    public long closes(int k) {
        return get(k, CLOSES);
    }

    /** Window {@code k} as a point (with its API-call mix). */
    public SeriesPoint point(int k) {
        int from = 0;
        for (int j = 0; j < k; j++) {
            from += apiSizes[j];
        }
        return point(k, Arrays.copyOfRange(apiCalls, from, from + apiSizes[k]),
                Arrays.copyOfRange(apiCounts, from, from + apiSizes[k]));
    }

    /** Window {@code k} as a point with the given API-call mix (null for none). */
    SeriesPoint point(int k, String[] calls, long[] counts) {
        long interval = get(k, INTERVAL);
        return new SeriesPoint(get(k, START), interval, get(k, SAMPLES), (double) get(k, SAMPLE_MILLIS) / interval,
                get(k, OPENS), get(k, CLOSES), get(k, REQUESTS), get(k, ERRORS), get(k, BYTES_IN), get(k, BYTES_OUT),
                get(k, LATENCY), get(k, LATE), calls, counts);
    }

    /**
     * Appends every window to its interval's ring in {@code rings}. Rings keep the API mix of their newest window
     * only, so only the newest window of each interval here that has one passes it on (copied: rings keep it).
     */
    void appendTo(SeriesRings rings, SeriesRings.History history) {
        int api = 0;
        for (int k = 0; k < size; k++) {
            int n = apiSizes[k];
            boolean keep = n > 0;
            for (int j = k + 1; keep && j < size; j++) {
                keep = !(get(j, INTERVAL) == get(k, INTERVAL) && apiSizes[j] > 0);
            }
            rings.ring(get(k, INTERVAL), history).append(values, k * FIELDS + START,
                    keep ? Arrays.copyOfRange(apiCalls, api, api + n) : null,
                    keep ? Arrays.copyOfRange(apiCounts, api, api + n) : null);
            api += n;
        }
    }

    void writeTo(ObjectDataOutput out) throws IOException {
        out.writeInt(size);
        for (int v = 0; v < size * FIELDS; v++) {
            out.writeLong(values[v]);
        }
        for (int k = 0; k < size; k++) {
            out.writeInt(apiSizes[k]);
        }
        for (int a = 0; a < apiTotal; a++) {
            out.writeString(apiCalls[a]);
            out.writeLong(apiCounts[a]);
        }
    }

    static ClosedWindows readFrom(ObjectDataInput in) throws IOException {
        int size = in.readInt();
        ClosedWindows c = new ClosedWindows(Math.max(1, size));
        c.size = size;
        for (int v = 0; v < size * FIELDS; v++) {
            c.values[v] = in.readLong();
        }
        int total = 0;
        for (int k = 0; k < size; k++) {
            c.apiSizes[k] = in.readInt();
            total += c.apiSizes[k];
        }
        c.apiCalls = new String[total];
        c.apiCounts = new long[total];
        for (int a = 0; a < total; a++) {
            c.apiCalls[a] = in.readString();
            c.apiCounts[a] = in.readLong();
        }
        c.apiTotal = total;
        return c;
    }

    /** Compact serializer: the arrays, trimmed to the size. */
    public static final class Serializer extends NamedCompactSerializer<ClosedWindows> {
        public Serializer() {
            super(TYPE_NAME, ClosedWindows.class);
        }

        @Override
        public ClosedWindows read(CompactReader in) {
            long[] values = in.readArrayOfInt64("values");
            int[] sizes = in.readArrayOfInt32("apiSizes");
            ClosedWindows c = new ClosedWindows(0);
            c.values = values;
            c.apiSizes = sizes;
            c.size = sizes.length;
            c.apiCalls = in.readArrayOfString("apiCalls");
            c.apiCounts = in.readArrayOfInt64("apiCounts");
            c.apiTotal = c.apiCalls.length;
            return c;
        }

        @Override
        public void write(CompactWriter out, ClosedWindows c) {
            out.writeArrayOfString("apiCalls", Arrays.copyOf(c.apiCalls, c.apiTotal));
            out.writeArrayOfInt64("apiCounts", Arrays.copyOf(c.apiCounts, c.apiTotal));
            out.writeArrayOfInt32("apiSizes", Arrays.copyOf(c.apiSizes, c.size));
            out.writeArrayOfInt64("values", Arrays.copyOf(c.values, c.size * FIELDS));
        }
    }
}
