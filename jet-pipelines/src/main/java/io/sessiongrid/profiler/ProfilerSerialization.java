package io.sessiongrid.profiler;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/**
 * Explicit Compact serializers of {@link Telemetry} ({@code sessiongrid.sni.Telemetry}) and {@link AppProfile}
 * ({@code sessiongrid.sni.AppProfile}). Register on every member (done by {@link BehavioralProfiler#configure}) and
 * on clients that read or write these maps.
 */
public final class ProfilerSerialization {
    private ProfilerSerialization() {
    }

    public static SerializationConfig register(SerializationConfig config) {
        config.getCompactSerializationConfig().addSerializer(new TelemetrySerializer())
                .addSerializer(new ProfileSerializer());
        return config;
    }

    static final class TelemetrySerializer implements CompactSerializer<Telemetry> {
        @Override
        public Telemetry read(CompactReader in) {
            return new Telemetry(in.readString("appId"), in.readInt64("timestamp"), in.readInt32("vmCount"),
                    in.readFloat64("cpu"), in.readInt64("memoryBytes"), in.readInt64("networkInBytes"),
                    in.readInt64("networkOutBytes"), in.readFloat64("dataRate"), in.readInt64("interVmBytes"));
        }

        @Override
        public void write(CompactWriter out, Telemetry t) {
            out.writeString("appId", t.appId());
            out.writeInt64("timestamp", t.timestamp());
            out.writeInt32("vmCount", t.vmCount());
            out.writeFloat64("cpu", t.cpu());
            out.writeInt64("memoryBytes", t.memoryBytes());
            out.writeInt64("networkInBytes", t.networkInBytes());
            out.writeInt64("networkOutBytes", t.networkOutBytes());
            out.writeFloat64("dataRate", t.dataRate());
            out.writeInt64("interVmBytes", t.interVmBytes());
        }

        @Override
        public String getTypeName() {
            return "sessiongrid.sni.Telemetry";
        }

        @Override
        public Class<Telemetry> getCompactClass() {
            return Telemetry.class;
        }
    }

    static final class ProfileSerializer implements CompactSerializer<AppProfile> {
        @Override
        public AppProfile read(CompactReader in) {
            return new AppProfile(in.readString("appId"), in.readInt64("windowEnd"), in.readInt32("samples"),
                    in.readInt32("vmCount"), in.readFloat64("cpu"), in.readFloat64("memoryBytes"),
                    in.readFloat64("networkBytesPerSecond"), in.readFloat64("dataRate"),
                    in.readFloat64("interVmBytesPerSecond"), in.readFloat64("predictedVms"),
                    in.readFloat64("lowerBound"), in.readFloat64("upperBound"), in.readFloat64("confidence"),
                    in.readInt64("horizonMillis"), in.readString("model"), in.readInt32("historyWindows"));
        }

        @Override
        public void write(CompactWriter out, AppProfile p) {
            out.writeString("appId", p.appId());
            out.writeInt64("windowEnd", p.windowEnd());
            out.writeInt32("samples", p.samples());
            out.writeInt32("vmCount", p.vmCount());
            out.writeFloat64("cpu", p.cpu());
            out.writeFloat64("memoryBytes", p.memoryBytes());
            out.writeFloat64("networkBytesPerSecond", p.networkBytesPerSecond());
            out.writeFloat64("dataRate", p.dataRate());
            out.writeFloat64("interVmBytesPerSecond", p.interVmBytesPerSecond());
            out.writeFloat64("predictedVms", p.predictedVms());
            out.writeFloat64("lowerBound", p.lowerBound());
            out.writeFloat64("upperBound", p.upperBound());
            out.writeFloat64("confidence", p.confidence());
            out.writeInt64("horizonMillis", p.horizonMillis());
            out.writeString("model", p.model());
            out.writeInt32("historyWindows", p.historyWindows());
        }

        @Override
        public String getTypeName() {
            return "sessiongrid.sni.AppProfile";
        }

        @Override
        public Class<AppProfile> getCompactClass() {
            return AppProfile.class;
        }
    }
}
