package io.sessiongrid.session.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.sessiongrid.config.PartitionTypeConfig;
import io.sessiongrid.config.Placement;

/** One configured partition type, bound to its IMap (and its cipher when encrypted). */
final class PartitionType {
    final PartitionTypeConfig config;
    final IMap<SessionKey, StoredPartition> map;
    final PayloadCipher cipher;

    PartitionType(PartitionTypeConfig config, HazelcastInstance hazelcast, PayloadCipher cipher) {
        this.config = config;
        this.map = hazelcast.getMap(SessionMaps.mapName(config.name()));
        this.cipher = config.encrypted() ? cipher : null;
    }

    String name() {
        return config.name();
    }

    SessionKey key(String sessionId) {
        return new SessionKey(sessionId, config.name(), config.placement() == Placement.SPREAD);
    }
}
