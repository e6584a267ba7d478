package io.sessiongrid.session.internal;

import io.sessiongrid.session.CorruptPartitionException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.sessiongrid.config.PartitionTypeConfig;
import io.sessiongrid.config.Placement;

/** One configured partition type, bound to its IMap (and its cipher when encrypted). */
final class PartitionType {
    final PartitionTypeConfig config;
    final IMap<SessionKey, StoredPartition> map;
    final PayloadCipher cipher;
    private final HazelcastInstance hazelcast;

    PartitionType(PartitionTypeConfig config, HazelcastInstance hazelcast, PayloadCipher cipher) {
        this.config = config;
        this.hazelcast = hazelcast;
        this.map = hazelcast.getMap(SessionMaps.mapName(config.name()));
        this.cipher = config.encrypted() ? cipher : null;
    }

    String name() {
        return config.name();
    }

    /** The typed error for a stored record of {@code sessionId} that breaks an invariant. */
    CorruptPartitionException corrupt(String sessionId, String problem) {
        int partitionId = hazelcast.getPartitionService().getPartition(key(sessionId)).getPartitionId();
        return new CorruptPartitionException(sessionId, name(), map.getName(), partitionId, problem);
    }

    SessionKey key(String sessionId) {
        return new SessionKey(sessionId, config.name(), config.placement() == Placement.SPREAD);
    }
}
