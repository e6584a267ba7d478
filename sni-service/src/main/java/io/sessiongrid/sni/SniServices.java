package io.sessiongrid.sni;

import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.SniConfig;
import io.sessiongrid.config.compact.SqlMappings;
import io.sessiongrid.sni.internal.HazelcastSniService;
import io.sessiongrid.sni.internal.Serializers;

import java.util.List;

/** Creates {@link SniService}s over a member or a client instance (same API, same maps). */
public final class SniServices {
    private SniServices() {
    }

    /** Dynamic sharding in namespace {@value SniOptions#DEFAULT_NAMESPACE} with the system clock. */
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

    /** The SQL mappings of the default namespace's maps ({@link #sqlMappings(String)}). */
    public static List<String> sqlMappings() {
        return sqlMappings(SniOptions.DEFAULT_NAMESPACE);
    }

    /**
     * SQL mappings of one namespace's maps, for Hazelcast SQL and Management Center: {@code <ns>.apps},
     * {@code <ns>.reservations}, {@code <ns>.pool} and {@code <ns>.chunks}, every scalar field (the identifier runs,
     * chunk lists and holder arrays are Compact arrays, which Hazelcast SQL cannot map; {@link SniService#poolStatus}
     * and {@link SniService#appStatus} report them). Run each with {@code getSql().execute(...)} on a data member.
     */
    public static List<String> sqlMappings(String namespace) {
        return List.of(
                SqlMappings.compactValues(namespace + ".apps", SqlMappings.keyFormat("varchar"), Serializers.APP,
                        "\"appId\" VARCHAR, \"priority\" INT, \"registeredAt\" BIGINT"),
                SqlMappings.compactValues(namespace + ".reservations", SqlMappings.keyFormat("bigint"),
                        Serializers.RESERVATION, "\"id\" BIGINT, \"appId\" VARCHAR, \"kind\" TINYINT, \"count\" INT, "
                                + "\"createdAt\" BIGINT, \"expiresAt\" BIGINT, \"state\" TINYINT, \"holder\" VARCHAR"),
                SqlMappings.compactValues(namespace + ".pool", SqlMappings.keyFormat("varchar"),
                        Serializers.POOL_DIRECTORY, "\"__key\" VARCHAR, \"chunks\" INT, \"chunkSize\" INT, "
                                + "\"seed\" BIGINT, \"cursor\" BIGINT, \"takenCount\" INT"),
                SqlMappings.compactValues(namespace + ".chunks", SqlMappings.keyFormat("int"), Serializers.CHUNK,
                        "\"index\" INT, \"owner\" VARCHAR, \"claimedAt\" BIGINT, \"lastActivity\" BIGINT, "
                                + "\"pinnedUntil\" BIGINT"));
    }
}
