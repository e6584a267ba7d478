package io.sessiongrid.session;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientFlakeIdGeneratorConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.FlakeIdGeneratorConfig;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.PartitionTypeConfig;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.session.internal.ElementDeltaProcessor;
import io.sessiongrid.session.internal.ExistsProcessor;
import io.sessiongrid.session.internal.HazelcastSessionStore;
import io.sessiongrid.session.internal.SessionKey;
import io.sessiongrid.session.internal.SessionMaps;
import io.sessiongrid.session.internal.StoredPartition;
import io.sessiongrid.session.internal.SetIfVersionProcessor;
import io.sessiongrid.session.internal.VersionProbe;
import io.sessiongrid.session.internal.WriteResult;

import java.time.Clock;

/** Creates session stores and prepares the Hazelcast configurations they need. */
public final class SessionStores {
    private SessionStores() {
    }

    /**
     * A store over {@code hazelcast}, a member or a client. The instance's configuration must have had
     * {@link #configureClient} or {@link #configureMember} applied.
     *
     * @throws EncryptionException if a type is encrypted and the configured key is missing or malformed
     */
    public static SessionStore create(HazelcastInstance hazelcast, SessionGridConfig config) {
        return new HazelcastSessionStore(hazelcast, config, Clock.systemUTC(), System::getenv);
    }

    /**
     * Hazelcast acknowledges a write whose backup never confirmed (the owner died first) unless told not to;
     * with this property the write fails with {@code IndeterminateOperationStateException} instead, so an
     * acknowledged write always has its backups.
     */
    static final String MEMBER_FAIL_ON_INDETERMINATE = "hazelcast.operation.fail.on.indeterminate.state";
    static final String CLIENT_FAIL_ON_INDETERMINATE = "hazelcast.client.operation.fail.on.indeterminate.state";

    /**
     * Adds the store's map configurations (TTL, backups per partition type) and serializers to a member,
     * and makes writes whose backups are unconfirmed fail rather than look acknowledged.
     */
    public static Config configureMember(Config member, SessionGridConfig config) {
        member.setProperty(MEMBER_FAIL_ON_INDETERMINATE, "true");
        member.addFlakeIdGeneratorConfig(new FlakeIdGeneratorConfig(SessionMaps.VERSIONS)
                .setPrefetchCount(SessionMaps.VERSION_PREFETCH)
                .setBitsSequence(SessionMaps.VERSION_BITS_SEQUENCE)
                .setBitsNodeId(SessionMaps.VERSION_BITS_NODE_ID));
        for (PartitionTypeConfig type : config.partitions().values()) {
            MapConfig map = new MapConfig(SessionMaps.mapName(type.name()))
                    .setBackupCount(type.backupCount())
                    .setAsyncBackupCount(0)
                    .setTimeToLiveSeconds((int) Math.min(Integer.MAX_VALUE, type.ttl().toSeconds()))
                    .setInMemoryFormat(InMemoryFormat.BINARY)
                    .setStatisticsEnabled(true);
            member.addMapConfig(map);
        }
        registerSerializers(member.getSerializationConfig());
        return member;
    }

    /**
     * Prepares a client: the serializers, and writes whose backups are unconfirmed fail rather than look
     * acknowledged (see {@link #configureMember}).
     */
    public static ClientConfig configureClient(ClientConfig client) {
        client.setProperty(CLIENT_FAIL_ON_INDETERMINATE, "true");
        client.addFlakeIdGeneratorConfig(new ClientFlakeIdGeneratorConfig(SessionMaps.VERSIONS)
                .setPrefetchCount(SessionMaps.VERSION_PREFETCH));
        registerSerializers(client.getSerializationConfig());
        return client;
    }

    /** Registers the Compact serializers of every stored value and processor; needed on members and clients. */
    public static SerializationConfig registerSerializers(SerializationConfig serialization) {
        serialization.getCompactSerializationConfig()
                .addSerializer(new SessionKey.Serializer())
                .addSerializer(new StoredPartition.Serializer())
                .addSerializer(new WriteResult.Serializer())
                .addSerializer(new SetIfVersionProcessor.Serializer())
                .addSerializer(new ElementDeltaProcessor.Serializer())
                .addSerializer(new ExistsProcessor.Serializer())
                .addSerializer(new VersionProbe.Serializer());
        return serialization;
    }

    /** The IMap holding one partition type. */
    public static String mapName(String partitionType) {
        return SessionMaps.mapName(partitionType);
    }

    /**
     * The SQL mapping that lets Hazelcast SQL (and Management Center's SQL browser) read a partition type:
     * columns {@code sessionId, partition, version, updatedAt, elements, sizeBytes}; read an element with
     * {@code JSON_VALUE(elements, '$.name')}.
     */
    public static String sqlMapping(String partitionType) {
        String map = SessionMaps.mapName(partitionType);
        return "CREATE OR REPLACE MAPPING \"" + map + "\" ("
                + "sessionId VARCHAR EXTERNAL NAME \"__key.sessionId\", "
                + "\"partition\" VARCHAR EXTERNAL NAME \"__key.partition\", "
                + "version BIGINT, updatedAt BIGINT, elements VARCHAR, sizeBytes INT) "
                + "TYPE IMap OPTIONS ('keyFormat'='compact', 'keyCompactTypeName'='" + SessionKey.TYPE_NAME + "', "
                + "'valueFormat'='compact', 'valueCompactTypeName'='" + StoredPartition.TYPE_NAME + "')";
    }
}
