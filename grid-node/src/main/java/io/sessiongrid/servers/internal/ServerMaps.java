package io.sessiongrid.servers.internal;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.SerializationConfig;
import io.sessiongrid.migration.MoveRecord;
import io.sessiongrid.migration.Migrations;

import java.util.List;

/** The registry's maps, their member configuration, serializers and SQL mappings. */
public final class ServerMaps {
    /** Server entries by server id. */
    public static final String SERVERS = "sessiongrid.servers";
    /** Connection entries by {@link ConnectionRef}, on their session's partition. */
    public static final String CONNECTIONS = "sessiongrid.connections";
    /** Finished moves are kept a day at most (and {@link Migrations#MOVES_KEPT_PER_MEMBER} per member). */
    static final int MOVES_TTL_SECONDS = 24 * 3600;

    private ServerMaps() {
    }

    /** Indexes for the registry's lookups (by connection id, by server, by phase) and the bounded moves map. */
    public static Config configureMember(Config member) {
        MapConfig connections = new MapConfig(CONNECTIONS).setBackupCount(1);
        connections.addIndexConfig(new com.hazelcast.config.IndexConfig(IndexType.HASH, "connectionId"));
        connections.addIndexConfig(new com.hazelcast.config.IndexConfig(IndexType.HASH, "server"));
        connections.addIndexConfig(new com.hazelcast.config.IndexConfig(IndexType.HASH, "phase"));
        member.addMapConfig(connections);
        member.addMapConfig(new MapConfig(SERVERS).setBackupCount(1));
        member.addMapConfig(new MapConfig(Migrations.MOVES_MAP).setTimeToLiveSeconds(MOVES_TTL_SECONDS)
                .setEvictionConfig(new EvictionConfig().setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.PER_NODE).setSize(Migrations.MOVES_KEPT_PER_MEMBER)));
        registerSerializers(member.getSerializationConfig());
        return member;
    }

    public static SerializationConfig registerSerializers(SerializationConfig serialization) {
        serialization.getCompactSerializationConfig()
                .addSerializer(new ServerRecord.Serializer())
                .addSerializer(new ServerUpdate.Serializer())
                .addSerializer(new ConnectionRef.Serializer())
                .addSerializer(new ConnectionRecord.Serializer())
                .addSerializer(new OwnershipProcessor.Serializer())
                .addSerializer(new MoveRecord.Serializer());
        return serialization;
    }

    /** SQL mappings for Management Center's SQL browser: servers, connections and moves. */
    public static List<String> sqlMappings() {
        return List.of(
                mapping(SERVERS, "id VARCHAR, instance VARCHAR, role VARCHAR, partitions VARCHAR, kind VARCHAR, redirectAddress VARCHAR, "
                        + "state VARCHAR, registeredAt BIGINT, updatedAt BIGINT, recentRequestRate DOUBLE",
                        "'keyFormat'='varchar'", ServerRecord.TYPE_NAME),
                mapping(CONNECTIONS, "connectionId VARCHAR, sessionId VARCHAR, server VARCHAR, version BIGINT, "
                        + "phase VARCHAR, peer VARCHAR, moveId VARCHAR, coordinator VARCHAR, moveStartedAt BIGINT, "
                        + "deadline BIGINT, lastMove VARCHAR, lastPeer VARCHAR, moveBytes BIGINT, movePartitions INT, "
                        + "reason VARCHAR, openedAt BIGINT",
                        "'keyFormat'='compact', 'keyCompactTypeName'='" + ConnectionRef.TYPE_NAME + "'",
                        ConnectionRecord.TYPE_NAME),
                mapping(Migrations.MOVES_MAP, "moveId VARCHAR, connectionId VARCHAR, sessionId VARCHAR, "
                        + "source VARCHAR, target VARCHAR, outcome VARCHAR, reason VARCHAR, bytesFetched BIGINT, "
                        + "partitionsFetched INT, startedAt BIGINT, durationMillis BIGINT",
                        "'keyFormat'='varchar'", MoveRecord.TYPE_NAME));
    }

    private static String mapping(String map, String columns, String keyOptions, String valueType) {
        return "CREATE OR REPLACE MAPPING \"" + map + "\" (" + columns + ") TYPE IMap OPTIONS (" + keyOptions
                + ", 'valueFormat'='compact', 'valueCompactTypeName'='" + valueType + "')";
    }
}
