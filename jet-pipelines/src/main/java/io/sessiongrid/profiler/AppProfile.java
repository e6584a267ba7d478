package io.sessiongrid.profiler;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;

/**
 * An application cluster's behaviour in its last closed window and its predicted VM count over the horizon. Stored
 * in {@value BehavioralProfiler#PROFILES} under the application id, Compact type {@code sessiongrid.sni.AppProfile},
 * so Management Center and SQL show it. Feed it to the SNI predictive allocator as a {@code VmForecast(appId,
 * predictedVms, upperBound, confidence, Duration.ofMillis(horizonMillis))}.
 *
 * @param appId          the application cluster
 * @param windowEnd      end of the last closed window, epoch millis
 * @param samples        telemetry records in that window
 * @param vmCount        the largest VM count in that window
 * @param cpu            mean CPU utilisation, 0..1
 * @param memoryBytes    mean memory in use
 * @param networkBytesPerSecond network I/O (in + out) per second over the window
 * @param dataRate       mean data rate, bytes per second
 * @param interVmBytesPerSecond inter-VM traffic per second over the window
 * @param predictedVms   forecast VM count at the end of the horizon
 * @param lowerBound     lowest lower interval bound over the horizon (at least 0)
 * @param upperBound     highest upper interval bound over the horizon: what reservations are sized to
 * @param confidence     trust in the forecast, 0..1 ({@link VmForecasting#confidence})
 * @param horizonMillis  how far ahead the forecast looks
 * @param model          the fitted model, e.g. {@code holt_winters}, or {@code last_value} with too little history
 * @param historyWindows windows the forecast was fitted on
 */
public record AppProfile(String appId, long windowEnd, int samples, int vmCount, double cpu, double memoryBytes,
                         double networkBytesPerSecond, double dataRate, double interVmBytesPerSecond,
                         double predictedVms, double lowerBound, double upperBound, double confidence,
                         long horizonMillis, String model, int historyWindows) {

    /** Compact serializer, type {@code sessiongrid.sni.AppProfile}, fields in ascending name order (see NamedCompactSerializer). */
    public static final class Serializer extends NamedCompactSerializer<AppProfile> {
        public Serializer() {
            super("sessiongrid.sni.AppProfile", AppProfile.class);
        }

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
        public void write(CompactWriter out, AppProfile v) {
            out.writeString("appId", v.appId());
            out.writeFloat64("confidence", v.confidence());
            out.writeFloat64("cpu", v.cpu());
            out.writeFloat64("dataRate", v.dataRate());
            out.writeInt32("historyWindows", v.historyWindows());
            out.writeInt64("horizonMillis", v.horizonMillis());
            out.writeFloat64("interVmBytesPerSecond", v.interVmBytesPerSecond());
            out.writeFloat64("lowerBound", v.lowerBound());
            out.writeFloat64("memoryBytes", v.memoryBytes());
            out.writeString("model", v.model());
            out.writeFloat64("networkBytesPerSecond", v.networkBytesPerSecond());
            out.writeFloat64("predictedVms", v.predictedVms());
            out.writeInt32("samples", v.samples());
            out.writeFloat64("upperBound", v.upperBound());
            out.writeInt32("vmCount", v.vmCount());
            out.writeInt64("windowEnd", v.windowEnd());
        }
    }
}
