package io.sessiongrid.analyzer;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;

import java.util.Arrays;

/**
 * One window of one series (a connection's, a session's or the cluster's) at one interval.
 *
 * @param windowStart    start of the window, epoch millis
 * @param intervalMillis the window length
 * @param samples        tracker samples aggregated (one per open connection per flush interval)
 * @param connections    connections open on average during the window: {@code samples * flush / interval}
 * @param opens          connections opened in the window
 * @param closes         connections closed in the window
 * @param requests       requests completed
 * @param errors         of which failed
 * @param bytesIn        request bytes
 * @param bytesOut       response bytes
 * @param latencyMicros  summed request latency
 * @param late           samples that arrived late and were counted in this window rather than their own
 * @param apiCalls       the API-call mix: call names (parallel to {@code apiCounts}); empty in stored history
 *                       except for the newest point
 * @param apiCounts      requests per call
 */
public record SeriesPoint(long windowStart, long intervalMillis, long samples, double connections, long opens,
                          long closes, long requests, long errors, long bytesIn, long bytesOut,
                          long latencyMicros, long late, String[] apiCalls, long[] apiCounts) {

    public static final String TYPE_NAME = "sessiongrid.analyzer.SeriesPoint";
    private static final String[] NO_CALLS = new String[0];
    private static final long[] NO_COUNTS = new long[0];

    public SeriesPoint {
        apiCalls = apiCalls == null ? NO_CALLS : apiCalls;
        apiCounts = apiCounts == null ? NO_COUNTS : apiCounts;
    }

    /** Requests per second in the window. */
    public double requestRate() {
        return requests * 1000.0 / intervalMillis;
    }

    /** Failed requests over requests; 0 without requests. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }

    /** Mean request latency in microseconds; 0 without requests. */
    public double meanLatencyMicros() {
        return requests == 0 ? 0 : (double) latencyMicros / requests;
    }

    /** The window's end, exclusive. */
    public long windowEnd() {
        return windowStart + intervalMillis;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeriesPoint p && windowStart == p.windowStart && intervalMillis == p.intervalMillis
                && samples == p.samples && Double.compare(connections, p.connections) == 0 && opens == p.opens
                && closes == p.closes && requests == p.requests && errors == p.errors && bytesIn == p.bytesIn
                && bytesOut == p.bytesOut && latencyMicros == p.latencyMicros && late == p.late
                && Arrays.equals(apiCalls, p.apiCalls) && Arrays.equals(apiCounts, p.apiCounts);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(windowStart) * 31 + Long.hashCode(requests);
    }

    @Override
    public String toString() {
        return "SeriesPoint[start=" + windowStart + ", interval=" + intervalMillis + ", samples=" + samples
                + ", connections=" + connections + ", requests=" + requests + ", errors=" + errors + ", bytesIn="
                + bytesIn + ", bytesOut=" + bytesOut + ", late=" + late + ", api=" + Arrays.toString(apiCalls)
                + Arrays.toString(apiCounts) + "]";
    }

    /** Compact serializer (points travel between the Jet job's stages and into the store's processors). */
    public static final class Serializer extends NamedCompactSerializer<SeriesPoint> {
        public Serializer() {
            super(TYPE_NAME, SeriesPoint.class);
        }

        @Override
        public SeriesPoint read(CompactReader in) {
            return new SeriesPoint(in.readInt64("windowStart"), in.readInt64("intervalMillis"), in.readInt64("samples"),
                    in.readFloat64("connections"), in.readInt64("opens"), in.readInt64("closes"),
                    in.readInt64("requests"), in.readInt64("errors"), in.readInt64("bytesIn"),
                    in.readInt64("bytesOut"), in.readInt64("latencyMicros"), in.readInt64("late"),
                    in.readArrayOfString("apiCalls"), in.readArrayOfInt64("apiCounts"));
        }

        @Override
        public void write(CompactWriter out, SeriesPoint p) {
            out.writeInt64("windowStart", p.windowStart);
            out.writeInt64("intervalMillis", p.intervalMillis);
            out.writeInt64("samples", p.samples);
            out.writeFloat64("connections", p.connections);
            out.writeInt64("opens", p.opens);
            out.writeInt64("closes", p.closes);
            out.writeInt64("requests", p.requests);
            out.writeInt64("errors", p.errors);
            out.writeInt64("bytesIn", p.bytesIn);
            out.writeInt64("bytesOut", p.bytesOut);
            out.writeInt64("latencyMicros", p.latencyMicros);
            out.writeInt64("late", p.late);
            out.writeArrayOfString("apiCalls", p.apiCalls);
            out.writeArrayOfInt64("apiCounts", p.apiCounts);
        }
    }
}
