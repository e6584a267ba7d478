package io.sessiongrid.profiler;

import com.hazelcast.config.SerializationConfig;

/**
 * Registers the Compact serializers of {@link Telemetry} ({@code sessiongrid.sni.Telemetry}) and {@link AppProfile}
 * ({@code sessiongrid.sni.AppProfile}). Register on every member (done by {@link BehavioralProfiler#configure}) and
 * on clients that read or write these maps.
 */
public final class ProfilerSerialization {
    private ProfilerSerialization() {
    }

    public static SerializationConfig register(SerializationConfig config) {
        config.getCompactSerializationConfig().addSerializer(new Telemetry.Serializer())
                .addSerializer(new AppProfile.Serializer());
        return config;
    }
}
