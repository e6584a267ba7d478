package io.sessiongrid.session.replay;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.session.internal.NearCacheSessionReplay;
import io.sessiongrid.session.internal.SessionMaps;

import java.util.Collection;

/** Creates a node's {@link SessionReplay} and prepares the Hazelcast configuration its warm copy needs. */
public final class SessionReplays {
    /** Member property: send each Near Cache invalidation at once instead of in batches (see the package doc). */
    public static final String INVALIDATION_BATCHING = "hazelcast.map.invalidation.batch.enabled";
    /** Entries a warm copy keeps per partition type before it evicts the least recently used. */
    public static final int WARM_COPY_ENTRIES = 200_000;

    private SessionReplays() {
    }

    /** The replay of {@code hazelcast}'s node; its warm types are the session maps that have a Near Cache there. */
    public static SessionReplay create(HazelcastInstance hazelcast, SessionGridConfig config) {
        return new NearCacheSessionReplay(hazelcast, config);
    }

    /**
     * Prepares a member: invalidations unbatched (every data member sends them, so every member needs this), and
     * a warm copy (Near Cache) of {@code warmTypes}' maps on this member.
     */
    public static Config configureMember(Config member, Collection<String> warmTypes) {
        member.setProperty(INVALIDATION_BATCHING, "false");
        for (String type : warmTypes) {
            member.getMapConfig(SessionMaps.mapName(type)).setNearCacheConfig(nearCache(type));
        }
        return member;
    }

    /** Prepares a client: a warm copy (Near Cache) of {@code warmTypes}' maps. */
    public static ClientConfig configureClient(ClientConfig client, Collection<String> warmTypes) {
        for (String type : warmTypes) {
            client.addNearCacheConfig(nearCache(type));
        }
        return client;
    }

    /** The partition types a role needs, or every configured type for {@code role == null}. */
    public static Collection<String> typesOf(SessionGridConfig config, String role) {
        if (role == null) {
            return config.partitions().keySet();
        }
        return config.role(role).orElseThrow(() -> new IllegalArgumentException(
                "unknown role '" + role + "'; configured roles: " + config.roles().keySet())).partitions();
    }

    private static NearCacheConfig nearCache(String type) {
        return new NearCacheConfig(SessionMaps.mapName(type))
                .setInMemoryFormat(InMemoryFormat.OBJECT)   // values are immutable records: no copy per read
                .setInvalidateOnChange(true)
                .setCacheLocalEntries(false)                // a member reads its own partitions locally anyway
                .setEvictionConfig(new EvictionConfig().setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT).setSize(WARM_COPY_ENTRIES));
    }
}
