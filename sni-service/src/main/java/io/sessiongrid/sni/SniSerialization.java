package io.sessiongrid.sni;

import com.hazelcast.config.SerializationConfig;
import io.sessiongrid.sni.internal.Serializers;

/**
 * Registers the Compact serializers of every SNI class that crosses the wire or is stored: the records in the SNI
 * maps (type names {@code sessiongrid.sni.Chunk}, {@code .PoolDirectory}, {@code .App}, {@code .Reservation}), the
 * entry processors ({@code sessiongrid.sni.chunk.Allocate}, {@code .app.Register}, ...) and their results. No SNI class
 * needs Java serialization, so members may keep {@code io.sessiongrid} out of their Java deserialization allowlist.
 * Call it on every member config (done by {@link SniMaps#configure}) and on every client config.
 */
public final class SniSerialization {
    private SniSerialization() {
    }

    public static SerializationConfig register(SerializationConfig config) {
        Serializers.all().forEach(s -> config.getCompactSerializationConfig().addSerializer(s));
        return config;
    }
}
