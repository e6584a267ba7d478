package io.sessiongrid.session.internal;

import com.hazelcast.client.impl.clientside.HazelcastClientProxy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.sessiongrid.config.PartitionTypeConfig;
import io.sessiongrid.config.Placement;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.session.replay.FenceResult;
import io.sessiongrid.session.replay.ReplayResult;
import io.sessiongrid.session.replay.SessionReplay;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link SessionReplay} over the session maps' Near Caches: {@code getAll} through this node's (near-cached) map
 * proxy is the copy, {@link VersionProbe} on the owners is the fence. The same proxies serve the store's reads, so
 * a read after the move is answered from the copy.
 */
public final class NearCacheSessionReplay implements SessionReplay {
    /** First pause between fence rounds; doubles up to {@link #MAX_PAUSE_NANOS} (an invalidation takes ~1 ms). */
    private static final long FIRST_PAUSE_NANOS = 200_000;
    private static final long MAX_PAUSE_NANOS = 20_000_000;

    private final Map<String, IMap<SessionKey, StoredPartition>> maps = new LinkedHashMap<>();
    private final Map<String, Boolean> spread = new HashMap<>();
    private final Set<String> warmTypes = new LinkedHashSet<>();

    public NearCacheSessionReplay(HazelcastInstance hazelcast, SessionGridConfig config) {
        for (PartitionTypeConfig type : config.partitions().values()) {
            IMap<SessionKey, StoredPartition> map = hazelcast.getMap(SessionMaps.mapName(type.name()));
            maps.put(type.name(), map);
            spread.put(type.name(), type.placement() == Placement.SPREAD);
            if (nearCached(hazelcast, type.name())) {
                warmTypes.add(type.name());
            }
        }
    }

    private static boolean nearCached(HazelcastInstance hazelcast, String type) {
        String name = SessionMaps.mapName(type);
        if (hazelcast instanceof HazelcastClientProxy client) {
            return client.getClientConfig().getNearCacheConfig(name) != null;
        }
        return hazelcast.getConfig().findMapConfig(name).getNearCacheConfig() != null;
    }

    @Override
    public Set<String> warmTypes() {
        return Set.copyOf(warmTypes);
    }

    @Override
    public ReplayResult warm(Collection<String> sessionIds, Collection<String> types) {
        int partitions = 0;
        long bytes = 0;
        Map<String, Long> bytesBySession = new HashMap<>();
        Map<String, Integer> partitionsBySession = new HashMap<>();
        for (String type : types) {
            if (!warmTypes.contains(type)) {
                continue;
            }
            for (Map.Entry<SessionKey, StoredPartition> e : maps.get(type).getAll(keys(sessionIds, type)).entrySet()) {
                long size = payloadBytes(e.getValue());
                partitions++;
                bytes += size;
                bytesBySession.merge(e.getKey().sessionId(), size, Long::sum);
                partitionsBySession.merge(e.getKey().sessionId(), 1, Integer::sum);
            }
        }
        return new ReplayResult(sessionIds.size(), partitions, bytes, bytesBySession, partitionsBySession);
    }

    @Override
    public FenceResult fence(Collection<String> sessionIds, Collection<String> types, Instant deadline) {
        Set<String> stale = new LinkedHashSet<>(sessionIds);
        int rounds = 0;
        int refetched = 0;
        long refetchedBytes = 0;
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            rounds++;
            Set<String> differing = new LinkedHashSet<>();
            for (String type : types) {
                if (!warmTypes.contains(type)) {
                    continue;
                }
                IMap<SessionKey, StoredPartition> map = maps.get(type);
                Set<SessionKey> keys = keys(stale, type);
                Map<SessionKey, Long> owner = map.executeOnKeys(keys, VersionProbe.INSTANCE);
                // Served from the copy where it holds the key; what it lacks is read from the owner (and copied).
                Map<SessionKey, StoredPartition> local = map.getAll(keys);
                for (SessionKey key : keys) {
                    StoredPartition copy = local.get(key);
                    long have = copy == null ? 0 : copy.version();
                    long want = owner.getOrDefault(key, 0L);
                    if (have != want) {
                        differing.add(key.sessionId());
                        refetched++;
                        refetchedBytes += copy == null ? 0 : payloadBytes(copy);
                    }
                }
            }
            stale = differing;
            if (stale.isEmpty() || !Instant.now().isBefore(deadline)) {
                return new FenceResult(stale, rounds, refetched, refetchedBytes);
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
        }
    }

    @Override
    public Map<String, Set<String>> held(Collection<String> sessionIds, Collection<String> types) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String id : sessionIds) {
            out.put(id, new LinkedHashSet<>());
        }
        for (String type : types) {
            IMap<SessionKey, StoredPartition> map = map(type);
            Map<SessionKey, Long> versions = map.executeOnKeys(keys(sessionIds, type), VersionProbe.INSTANCE);
            versions.forEach((key, version) -> {
                if (version != 0) {
                    out.get(key.sessionId()).add(type);
                }
            });
        }
        return out;
    }

    private IMap<SessionKey, StoredPartition> map(String type) {
        IMap<SessionKey, StoredPartition> map = maps.get(type);
        if (map == null) {
            throw new IllegalArgumentException("unknown partition type '" + type + "'; configured: " + maps.keySet());
        }
        return map;
    }

    private Set<SessionKey> keys(Collection<String> sessionIds, String type) {
        map(type);
        boolean spreadType = spread.get(type);
        Set<SessionKey> keys = new HashSet<>(sessionIds.size() * 2);
        for (String id : sessionIds) {
            keys.add(new SessionKey(id, type, spreadType));
        }
        return keys;
    }

    /** What the copy holds of a partition: its JSON, or its ciphertext for an encrypted type. */
    static long payloadBytes(StoredPartition p) {
        return p.isSealed() ? p.sealed().length : p.sizeBytes();
    }
}
