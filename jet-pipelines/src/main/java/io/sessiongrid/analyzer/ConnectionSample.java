package io.sessiongrid.analyzer;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;

import java.util.Arrays;

/**
 * What one {@link ConnectionTracker} saw of one connection during one flush interval: the unit the trackers
 * write and the Jet job aggregates. A tracker emits one sample per open connection per interval, also when the
 * connection made no request (an idle interval is itself a signal), and a last one with {@code closes == 1}.
 *
 * @param connectionId   the connection
 * @param sessionId      the session the connection belongs to (the partition key of everything stored about it)
 * @param member         where the connection is served (as the application named it)
 * @param intervalStart  start of the flush interval, epoch millis, a multiple of {@code intervalMillis}
 * @param intervalMillis the tracker's flush interval (the smallest configured interval)
 * @param openedAt       when the connection was opened, epoch millis
 * @param opens          1 if the connection was opened in this interval, else 0
 * @param closes         1 if the connection was closed in this interval, else 0
 * @param requests       requests completed in the interval
 * @param errors         of which failed
 * @param bytesIn        request bytes
 * @param bytesOut       response bytes
 * @param latencyMicros  summed request latency
 * @param apiCalls       the API calls seen in the interval (parallel to {@code apiCounts})
 * @param apiCounts      requests per API call
 */
public record ConnectionSample(String connectionId, String sessionId, String member, long intervalStart,
                               long intervalMillis, long openedAt, int opens, int closes, long requests,
                               long errors, long bytesIn, long bytesOut, long latencyMicros,
                               String[] apiCalls, long[] apiCounts) {

    public static final String TYPE_NAME = "sessiongrid.analyzer.ConnectionSample";
    private static final String[] NO_CALLS = new String[0];
    private static final long[] NO_COUNTS = new long[0];

    public ConnectionSample {
        if (apiCalls == null) {
            apiCalls = NO_CALLS;
        }
        if (apiCounts == null) {
            apiCounts = NO_COUNTS;
        }
        if (apiCalls.length != apiCounts.length) {
            throw new IllegalArgumentException("apiCalls and apiCounts differ in length: " + apiCalls.length
                    + " and " + apiCounts.length);
        }
    }

    /** The connection events this sample stands for: requests, opens and closes. */
    public long events() {
        return requests + opens + closes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionSample s && connectionId.equals(s.connectionId)
                && sessionId.equals(s.sessionId) && member.equals(s.member) && intervalStart == s.intervalStart
                && intervalMillis == s.intervalMillis && openedAt == s.openedAt && opens == s.opens
                && closes == s.closes && requests == s.requests && errors == s.errors && bytesIn == s.bytesIn
                && bytesOut == s.bytesOut && latencyMicros == s.latencyMicros
                && Arrays.equals(apiCalls, s.apiCalls) && Arrays.equals(apiCounts, s.apiCounts);
    }

    @Override
    public int hashCode() {
        return connectionId.hashCode() * 31 + Long.hashCode(intervalStart);
    }

    @Override
    public String toString() {
        return "ConnectionSample[" + connectionId + "@" + sessionId + ", start=" + intervalStart + ", requests="
                + requests + ", errors=" + errors + ", opens=" + opens + ", closes=" + closes
                + ", api=" + Arrays.toString(apiCalls) + Arrays.toString(apiCounts) + "]";
    }

    /** Compact serializer. */
    public static final class Serializer extends NamedCompactSerializer<ConnectionSample> {
        public Serializer() {
            super(TYPE_NAME, ConnectionSample.class);
        }

        @Override
        public ConnectionSample read(CompactReader in) {
            return new ConnectionSample(in.readString("connectionId"), in.readString("sessionId"),
                    in.readString("member"), in.readInt64("intervalStart"), in.readInt64("intervalMillis"),
                    in.readInt64("openedAt"), in.readInt32("opens"), in.readInt32("closes"),
                    in.readInt64("requests"), in.readInt64("errors"), in.readInt64("bytesIn"),
                    in.readInt64("bytesOut"), in.readInt64("latencyMicros"),
                    in.readArrayOfString("apiCalls"), in.readArrayOfInt64("apiCounts"));
        }

        @Override
        public void write(CompactWriter out, ConnectionSample s) {
            out.writeArrayOfString("apiCalls", s.apiCalls);
            out.writeArrayOfInt64("apiCounts", s.apiCounts);
            out.writeInt64("bytesIn", s.bytesIn);
            out.writeInt64("bytesOut", s.bytesOut);
            out.writeInt32("closes", s.closes);
            out.writeString("connectionId", s.connectionId);
            out.writeInt64("errors", s.errors);
            out.writeInt64("intervalMillis", s.intervalMillis);
            out.writeInt64("intervalStart", s.intervalStart);
            out.writeInt64("latencyMicros", s.latencyMicros);
            out.writeString("member", s.member);
            out.writeInt64("openedAt", s.openedAt);
            out.writeInt32("opens", s.opens);
            out.writeInt64("requests", s.requests);
            out.writeString("sessionId", s.sessionId);
        }
    }
}
