package io.sessiongrid.config.internal;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.sessiongrid.config.MigrationConfig;
import io.sessiongrid.config.Placement;
import io.sessiongrid.config.ScalingConfig;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The {@code sessiongrid.yaml} document as Jackson reads it, before defaults and validation. Every field
 * is nullable: {@code null} means "not given here", and {@link ConfigAssembler} fills it in. Field names
 * are the YAML keys; a key that matches no field is rejected by the reader.
 *
 * <p>Explicit YAML nulls fail (the reader's default), except where noted: an empty top-level section
 * ({@code scaling:}) means "use the defaults", and {@code keyFile: null} means "no key file".
 */
final class ConfigDocument {
    // Nulls.SKIP: "analyzer:" with nothing under it is read like an absent section.
    @JsonSetter(nulls = Nulls.SKIP) LinkedHashMap<String, PartitionType> partitions;
    @JsonSetter(nulls = Nulls.SKIP) LinkedHashMap<String, List<String>> roles;
    @JsonSetter(nulls = Nulls.SKIP) Encryption encryption;
    @JsonSetter(nulls = Nulls.SKIP) Analyzer analyzer;
    @JsonSetter(nulls = Nulls.SKIP) Scaling scaling;
    @JsonSetter(nulls = Nulls.SKIP) Sni sni;
    @JsonSetter(nulls = Nulls.SKIP) Metrics metrics;
    @JsonSetter(nulls = Nulls.SKIP) Migration migration;

    /** One entry under {@code partitions}; absent fields take the per-field defaults. */
    static final class PartitionType {
        Integer maxBytes;
        Duration ttl;
        Integer backupCount;
        Placement placement;
        Boolean encrypted;
    }

    static final class Encryption {
        String keyEnv;
        @JsonSetter(nulls = Nulls.SET) String keyFile;
    }

    static final class Analyzer {
        List<Duration> intervals;
        Integer historyPoints;
        List<Integer> connectionHistory;
        Duration season;
    }

    static final class Scaling {
        Integer minMembers;
        Integer maxMembers;
        Duration decisionInterval;
        Duration provisioningTime;
        Duration warmUpTime;
        Duration cooldown;
        Double capacityPerServer;
        Double targetUtilization;
        Double scaleInUtilization;
        Integer maxStep;
        ScalingConfig.Promotion promotion;
        String provisioner;
        String serverRole;
        LinkedHashMap<String, String> provisionerSettings;
    }

    static final class Sni {
        Integer widthBits;
        Integer chunkSize;
        Duration reservationTtl;
        Duration idleTimeout;
    }

    static final class Metrics {
        Boolean prometheus;
        String host;
        Integer port;
        Boolean jmx;
    }

    static final class Migration {
        Duration moveTimeout;
        MigrationConfig.ReplayScope replay;
    }
}
