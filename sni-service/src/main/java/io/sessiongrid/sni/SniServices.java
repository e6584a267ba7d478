package io.sessiongrid.sni;

import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.SniConfig;
import io.sessiongrid.sni.internal.HazelcastSniService;

/** Creates {@link SniService}s over a member or a client instance (same API, same maps). */
public final class SniServices {
    private SniServices() {
    }

    /** Dynamic sharding in namespace "sni" with the system clock. */
    public static SniService create(HazelcastInstance instance, SniConfig config) {
        return create(instance, config, SniOptions.defaults());
    }

    /**
     * A service over {@code instance}, a member (configured with {@link SniMaps#configure}) or a client
     * (configured with {@link SniSerialization#register}). Every service of one namespace must use the same
     * {@code widthBits} and {@code chunkSize}; a mismatch is refused here.
     */
    public static SniService create(HazelcastInstance instance, SniConfig config, SniOptions options) {
        return new HazelcastSniService(instance, SniConfigs.validate(config), options);
    }
}
