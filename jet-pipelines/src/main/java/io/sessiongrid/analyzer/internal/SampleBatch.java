package io.sessiongrid.analyzer.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.analyzer.ConnectionSample;
import io.sessiongrid.config.compact.NamedCompactSerializer;

import java.util.Arrays;

/**
 * One tracker's samples for one Hazelcast partition and one flush interval: the value written to the ingest
 * map (one {@code setAll} per flush covers every partition). An empty batch is a heartbeat.
 *
 * @param source         the tracker that wrote it
 * @param intervalStart  the flush interval's start, epoch millis
 * @param intervalMillis the flush interval
 * @param samples        the samples, possibly none
 */
public record SampleBatch(String source, long intervalStart, long intervalMillis, ConnectionSample[] samples) {
    public static final String TYPE_NAME = "sessiongrid.analyzer.SampleBatch";

    /**
     * Compact serializer, column by column: one array per field rather than one nested Compact record per sample,
     * because a tracker writes every open connection once per interval and per-record field lookups dominated
     * the cost of a batch. The API-call mix is flattened: {@code apiSizes[i]} entries of {@code apiCalls} and
     * {@code apiCounts} belong to sample {@code i}.
     */
    public static final class Serializer extends NamedCompactSerializer<SampleBatch> {
        public Serializer() {
            super(TYPE_NAME, SampleBatch.class);
        }

        @Override
        public SampleBatch read(CompactReader in) {
            String[] connectionIds = in.readArrayOfString("connectionId");
            String[] sessionIds = in.readArrayOfString("sessionId");
            String[] members = in.readArrayOfString("member");
            long[] openedAt = in.readArrayOfInt64("openedAt");
            int[] opens = in.readArrayOfInt32("opens");
            int[] closes = in.readArrayOfInt32("closes");
            long[] requests = in.readArrayOfInt64("requests");
            long[] errors = in.readArrayOfInt64("errors");
            long[] bytesIn = in.readArrayOfInt64("bytesIn");
            long[] bytesOut = in.readArrayOfInt64("bytesOut");
            long[] latency = in.readArrayOfInt64("latencyMicros");
            int[] apiSizes = in.readArrayOfInt32("apiSizes");
            String[] apiCalls = in.readArrayOfString("apiCalls");
            long[] apiCounts = in.readArrayOfInt64("apiCounts");
            long intervalStart = in.readInt64("intervalStart");
            long intervalMillis = in.readInt64("intervalMillis");
            ConnectionSample[] samples = new ConnectionSample[connectionIds.length];
            int api = 0;
            for (int i = 0; i < samples.length; i++) {
                int n = apiSizes[i];
                samples[i] = new ConnectionSample(connectionIds[i], sessionIds[i], members[i], intervalStart,
                        intervalMillis, openedAt[i], opens[i], closes[i], requests[i], errors[i], bytesIn[i],
                        bytesOut[i], latency[i], Arrays.copyOfRange(apiCalls, api, api + n),
                        Arrays.copyOfRange(apiCounts, api, api + n));
                api += n;
            }
            return new SampleBatch(in.readString("source"), intervalStart, intervalMillis, samples);
        }

        @Override
        public void write(CompactWriter out, SampleBatch b) {
            ConnectionSample[] s = b.samples;
            int n = s.length;
            String[] connectionIds = new String[n];
            String[] sessionIds = new String[n];
            String[] members = new String[n];
            long[] openedAt = new long[n];
            int[] opens = new int[n];
            int[] closes = new int[n];
            long[] requests = new long[n];
            long[] errors = new long[n];
            long[] bytesIn = new long[n];
            long[] bytesOut = new long[n];
            long[] latency = new long[n];
            int[] apiSizes = new int[n];
            int apiTotal = 0;
            for (ConnectionSample sample : s) {
                apiTotal += sample.apiCalls().length;
            }
            String[] apiCalls = new String[apiTotal];
            long[] apiCounts = new long[apiTotal];
            int api = 0;
            for (int i = 0; i < n; i++) {
                ConnectionSample x = s[i];
                connectionIds[i] = x.connectionId();
                sessionIds[i] = x.sessionId();
                members[i] = x.member();
                openedAt[i] = x.openedAt();
                opens[i] = x.opens();
                closes[i] = x.closes();
                requests[i] = x.requests();
                errors[i] = x.errors();
                bytesIn[i] = x.bytesIn();
                bytesOut[i] = x.bytesOut();
                latency[i] = x.latencyMicros();
                apiSizes[i] = x.apiCalls().length;
                System.arraycopy(x.apiCalls(), 0, apiCalls, api, apiSizes[i]);
                System.arraycopy(x.apiCounts(), 0, apiCounts, api, apiSizes[i]);
                api += apiSizes[i];
            }
            out.writeArrayOfString("apiCalls", apiCalls);
            out.writeArrayOfInt64("apiCounts", apiCounts);
            out.writeArrayOfInt32("apiSizes", apiSizes);
            out.writeArrayOfInt64("bytesIn", bytesIn);
            out.writeArrayOfInt64("bytesOut", bytesOut);
            out.writeArrayOfInt32("closes", closes);
            out.writeArrayOfString("connectionId", connectionIds);
            out.writeArrayOfInt64("errors", errors);
            out.writeInt64("intervalMillis", b.intervalMillis);
            out.writeInt64("intervalStart", b.intervalStart);
            out.writeArrayOfInt64("latencyMicros", latency);
            out.writeArrayOfString("member", members);
            out.writeArrayOfInt64("openedAt", openedAt);
            out.writeArrayOfInt32("opens", opens);
            out.writeArrayOfInt64("requests", requests);
            out.writeArrayOfString("sessionId", sessionIds);
            out.writeString("source", b.source);
        }
    }
}
