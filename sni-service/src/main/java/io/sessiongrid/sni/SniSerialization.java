package io.sessiongrid.sni;

import com.hazelcast.config.SerializationConfig;
import io.sessiongrid.sni.internal.Serializers;

/**
 * Registers the Compact serializers of the records stored in the SNI maps (type names {@code sessiongrid.sni.Chunk},
 * {@code .PoolDirectory}, {@code .App}, {@code .Reservation}). Call it on every member config (done by
 * {@link SniMaps#configure}) and on every client config.
 */
public final class SniSerialization {
    private SniSerialization() {
    }

    public static SerializationConfig register(SerializationConfig config) {
        Serializers.all().forEach(s -> config.getCompactSerializationConfig().addSerializer(s));
        return config;
    }
}
