package io.sessiongrid.profiler;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;

import java.util.Objects;

/**
 * One sample of an application cluster's behaviour, as its agents report it (typically every few seconds).
 * Compact type {@code sessiongrid.sni.Telemetry}.
 *
 * @param appId           the application cluster
 * @param timestamp       event time, epoch millis
 * @param vmCount         VMs running in the cluster
 * @param cpu             mean CPU utilisation across its VMs, 0..1
 * @param memoryBytes     memory in use across its VMs
 * @param networkInBytes  bytes received since the previous sample
 * @param networkOutBytes bytes sent since the previous sample
 * @param dataRate        application data rate, bytes per second
 * @param interVmBytes    bytes exchanged between its own VMs since the previous sample
 */
public record Telemetry(String appId, long timestamp, int vmCount, double cpu, long memoryBytes, long networkInBytes,
                        long networkOutBytes, double dataRate, long interVmBytes) {
    public Telemetry {
        Objects.requireNonNull(appId, "appId");
        if (appId.isBlank() || appId.length() > 200) {
            throw new IllegalArgumentException("appId must be 1..200 non-blank characters, got '" + appId + "'");
        }
        if (vmCount < 0 || !(cpu >= 0 && cpu <= 1) || memoryBytes < 0 || networkInBytes < 0 || networkOutBytes < 0
                || !(dataRate >= 0) || interVmBytes < 0) {
            throw new IllegalArgumentException("telemetry of " + appId + " needs vmCount >= 0, cpu in 0..1 and "
                    + "non-negative byte counts and rates, got vmCount=" + vmCount + ", cpu=" + cpu + ", memory="
                    + memoryBytes + ", in=" + networkInBytes + ", out=" + networkOutBytes + ", dataRate=" + dataRate
                    + ", interVm=" + interVmBytes);
        }
    }

    /** Compact serializer, type {@code sessiongrid.sni.Telemetry}, fields in ascending name order (see NamedCompactSerializer). */
    public static final class Serializer extends NamedCompactSerializer<Telemetry> {
        public Serializer() {
            super("sessiongrid.sni.Telemetry", Telemetry.class);
        }

        @Override
        public Telemetry read(CompactReader in) {
            return new Telemetry(in.readString("appId"), in.readInt64("timestamp"), in.readInt32("vmCount"),
                    in.readFloat64("cpu"), in.readInt64("memoryBytes"), in.readInt64("networkInBytes"),
                    in.readInt64("networkOutBytes"), in.readFloat64("dataRate"), in.readInt64("interVmBytes"));
        }

        @Override
        public void write(CompactWriter out, Telemetry v) {
            out.writeString("appId", v.appId());
            out.writeFloat64("cpu", v.cpu());
            out.writeFloat64("dataRate", v.dataRate());
            out.writeInt64("interVmBytes", v.interVmBytes());
            out.writeInt64("memoryBytes", v.memoryBytes());
            out.writeInt64("networkInBytes", v.networkInBytes());
            out.writeInt64("networkOutBytes", v.networkOutBytes());
            out.writeInt64("timestamp", v.timestamp());
            out.writeInt32("vmCount", v.vmCount());
        }
    }
}
