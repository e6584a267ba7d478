package io.sessiongrid.analyzer.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.analyzer.ConnectionSample;

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

    /** Compact serializer. */
    public static final class Serializer extends Named<SampleBatch> {
        public Serializer() {
            super(TYPE_NAME, SampleBatch.class);
        }

        @Override
        public SampleBatch read(CompactReader in) {
            return new SampleBatch(in.readString("source"), in.readInt64("intervalStart"),
                    in.readInt64("intervalMillis"), in.readArrayOfCompact("samples", ConnectionSample.class));
        }

        @Override
        public void write(CompactWriter out, SampleBatch b) {
            out.writeString("source", b.source);
            out.writeInt64("intervalStart", b.intervalStart);
            out.writeInt64("intervalMillis", b.intervalMillis);
            out.writeArrayOfCompact("samples", b.samples);
        }
    }
}
