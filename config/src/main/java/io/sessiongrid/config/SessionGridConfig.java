package io.sessiongrid.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The whole plugin configuration. Build it with {@link SessionGridConfigLoader}; the loader validates
 * it, so every instance a caller sees is consistent (roles name known partition types, limits in range).
 *
 * @param partitions partition types by name, in file order
 * @param roles      server roles by name, in file order
 */
public record SessionGridConfig(Map<String, PartitionTypeConfig> partitions,
                                Map<String, RoleConfig> roles,
                                EncryptionConfig encryption,
                                AnalyzerConfig analyzer,
                                ScalingConfig scaling,
                                SniConfig sni,
                                MigrationConfig migration) {
    public SessionGridConfig {
        partitions = Collections.unmodifiableMap(new LinkedHashMap<>(partitions));
        roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
    }

    /** A configuration with the default {@link MigrationConfig}. */
    public SessionGridConfig(Map<String, PartitionTypeConfig> partitions, Map<String, RoleConfig> roles,
                             EncryptionConfig encryption, AnalyzerConfig analyzer, ScalingConfig scaling, SniConfig sni) {
        this(partitions, roles, encryption, analyzer, scaling, sni, MigrationConfig.defaults());
    }

    public Optional<PartitionTypeConfig> partition(String name) {
        return Optional.ofNullable(partitions.get(name));
    }

    public Optional<RoleConfig> role(String name) {
        return Optional.ofNullable(roles.get(name));
    }
}
