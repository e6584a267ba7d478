package io.sessiongrid.config.internal;

import io.sessiongrid.config.AnalyzerConfig;
import io.sessiongrid.config.ConfigException;
import io.sessiongrid.config.EncryptionConfig;
import io.sessiongrid.config.MetricsConfig;
import io.sessiongrid.config.MigrationConfig;
import io.sessiongrid.config.PartitionTypeConfig;
import io.sessiongrid.config.Placement;
import io.sessiongrid.config.RoleConfig;
import io.sessiongrid.config.ScalingConfig;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SniConfig;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a {@link ConfigDocument} into the public records, filling gaps from a base configuration:
 * <ul>
 *   <li>an absent section takes the base's section; inside a given section, an absent field takes the base's
 *       field (so {@code scaling: {maxMembers: 4}} keeps the other scaling defaults);</li>
 *   <li>a given {@code partitions} map replaces the base's set entirely, and absent fields of a partition type
 *       take the per-type defaults of {@link PartitionTypeConfig} (not the base's same-named type);</li>
 *   <li>absent {@code roles} take the base's roles only when {@code partitions} is absent too: the base's roles
 *       name the base's partition types, so they cannot be carried over to a replaced set.</li>
 * </ul>
 * With no base (when reading the shipped defaults themselves) every section and field is required. No range
 * checks happen here; that is {@link ConfigValidator}'s job.
 */
final class ConfigAssembler {
    private final String source;
    private final Optional<SessionGridConfig> base;

    ConfigAssembler(String source, SessionGridConfig baseOrNull) {
        this.source = source;
        this.base = Optional.ofNullable(baseOrNull);
    }

    SessionGridConfig assemble(ConfigDocument d) {
        Map<String, PartitionTypeConfig> partitions = d.partitions == null
                ? required(base.map(SessionGridConfig::partitions), "partitions") : partitions(d.partitions);
        Map<String, RoleConfig> roles = d.roles != null ? roles(d.roles)
                : d.partitions != null ? Map.of() : required(base.map(SessionGridConfig::roles), "roles");
        return new SessionGridConfig(partitions, roles,
                encryption(d.encryption, base.map(SessionGridConfig::encryption)),
                analyzer(d.analyzer, base.map(SessionGridConfig::analyzer)),
                scaling(d.scaling, base.map(SessionGridConfig::scaling)),
                sni(d.sni, base.map(SessionGridConfig::sni)),
                metrics(d.metrics, base.map(SessionGridConfig::metrics)),
                migration(d.migration, base.map(SessionGridConfig::migration)));
    }

    private static Map<String, PartitionTypeConfig> partitions(Map<String, ConfigDocument.PartitionType> given) {
        Map<String, PartitionTypeConfig> out = new LinkedHashMap<>();
        given.forEach((name, p) -> out.put(name, new PartitionTypeConfig(name,
                p.maxBytes != null ? p.maxBytes : PartitionTypeConfig.DEFAULT_MAX_BYTES,
                p.ttl != null ? p.ttl : Duration.ZERO,
                p.backupCount != null ? p.backupCount : PartitionTypeConfig.DEFAULT_BACKUP_COUNT,
                p.placement != null ? p.placement : Placement.SESSION,
                p.encrypted != null && p.encrypted)));
        return out;
    }

    private static Map<String, RoleConfig> roles(Map<String, List<String>> given) {
        Map<String, RoleConfig> out = new LinkedHashMap<>();
        given.forEach((name, list) -> out.put(name, new RoleConfig(name, list)));
        return out;
    }

    private EncryptionConfig encryption(ConfigDocument.Encryption d, Optional<EncryptionConfig> b) {
        if (d == null) {
            return required(b, "encryption");
        }
        // keyFile absent or null means "no key file", whatever the base says: the default has none.
        return new EncryptionConfig(field(d.keyEnv, b, EncryptionConfig::keyEnv, "encryption.keyEnv"),
                d.keyFile == null ? null : path(d.keyFile, "encryption.keyFile"));
    }

    private AnalyzerConfig analyzer(ConfigDocument.Analyzer d, Optional<AnalyzerConfig> b) {
        if (d == null) {
            return required(b, "analyzer");
        }
        List<Duration> intervals = field(d.intervals, b, AnalyzerConfig::intervals, "analyzer.intervals");
        // Lengths given, or the base's when they still fit the intervals; a file that changes the intervals
        // without them gets none (historyPoints per interval) rather than an error about a key it never set.
        List<Integer> history = d.connectionHistory != null ? d.connectionHistory
                : b.map(AnalyzerConfig::connectionHistory).filter(h -> h.size() == intervals.size()).orElse(List.of());
        int historyPoints = field(d.historyPoints, b, AnalyzerConfig::historyPoints, "analyzer.historyPoints");
        // Likewise the season: the base's when it still spans 2..MAX_SEASON_STEPS of the new longest interval
        // (a file with [1s, 2s] keeps no daily season rather than failing on it).
        Duration season = d.season != null ? d.season : b.map(AnalyzerConfig::season)
                .filter(s -> fits(new AnalyzerConfig(intervals, historyPoints, history, s))).orElse(Duration.ZERO);
        return new AnalyzerConfig(intervals, historyPoints, history, season);
    }

    private static boolean fits(AnalyzerConfig a) {
        int steps = a.intervals().isEmpty() || !a.seasonIsWhole() ? 0 : a.seasonSteps();
        return steps >= 2 && steps <= AnalyzerConfig.MAX_SEASON_STEPS;
    }

    private ScalingConfig scaling(ConfigDocument.Scaling d, Optional<ScalingConfig> b) {
        if (d == null) {
            return required(b, "scaling");
        }
        return new ScalingConfig(
                field(d.minMembers, b, ScalingConfig::minMembers, "scaling.minMembers"),
                field(d.maxMembers, b, ScalingConfig::maxMembers, "scaling.maxMembers"),
                field(d.decisionInterval, b, ScalingConfig::decisionInterval, "scaling.decisionInterval"),
                field(d.provisioningTime, b, ScalingConfig::provisioningTime, "scaling.provisioningTime"),
                field(d.warmUpTime, b, ScalingConfig::warmUpTime, "scaling.warmUpTime"),
                field(d.cooldown, b, ScalingConfig::cooldown, "scaling.cooldown"),
                field(d.capacityPerServer, b, ScalingConfig::capacityPerServer, "scaling.capacityPerServer"),
                field(d.targetUtilization, b, ScalingConfig::targetUtilization, "scaling.targetUtilization"),
                field(d.scaleInUtilization, b, ScalingConfig::scaleInUtilization, "scaling.scaleInUtilization"),
                field(d.maxStep, b, ScalingConfig::maxStep, "scaling.maxStep"),
                field(d.promotion, b, ScalingConfig::promotion, "scaling.promotion"),
                field(d.provisioner, b, ScalingConfig::provisioner, "scaling.provisioner"),
                field(d.serverRole, b, ScalingConfig::serverRole, "scaling.serverRole"),
                // a map given replaces the base's whole: settings of one provisioner make no sense for another
                field(d.provisionerSettings, b, ScalingConfig::provisionerSettings, "scaling.provisionerSettings"));
    }

    private SniConfig sni(ConfigDocument.Sni d, Optional<SniConfig> b) {
        if (d == null) {
            return required(b, "sni");
        }
        return new SniConfig(
                field(d.widthBits, b, SniConfig::widthBits, "sni.widthBits"),
                field(d.chunkSize, b, SniConfig::chunkSize, "sni.chunkSize"),
                field(d.reservationTtl, b, SniConfig::reservationTtl, "sni.reservationTtl"),
                field(d.idleTimeout, b, SniConfig::idleTimeout, "sni.idleTimeout"));
    }

    private MetricsConfig metrics(ConfigDocument.Metrics d, Optional<MetricsConfig> b) {
        if (d == null) {
            return required(b, "metrics");
        }
        return new MetricsConfig(
                field(d.prometheus, b, MetricsConfig::prometheus, "metrics.prometheus"),
                field(d.host, b, MetricsConfig::host, "metrics.host"),
                field(d.port, b, MetricsConfig::port, "metrics.port"),
                field(d.jmx, b, MetricsConfig::jmx, "metrics.jmx"));
    }

    private MigrationConfig migration(ConfigDocument.Migration d, Optional<MigrationConfig> b) {
        if (d == null) {
            return required(b, "migration");
        }
        return new MigrationConfig(field(d.moveTimeout, b, MigrationConfig::moveTimeout, "migration.moveTimeout"),
                field(d.replay, b, MigrationConfig::replay, "migration.replay"));
    }

    private <S, T> T field(T given, Optional<S> baseSection, Function<S, T> getter, String path) {
        return given != null ? given : required(baseSection.map(getter), path);
    }

    private <T> T required(Optional<T> inherited, String path) {
        return inherited.orElseThrow(() -> new ConfigException(source, path, "is required (there is no default for it)"));
    }

    private Path path(String text, String where) {
        if (text.isBlank()) {
            throw new ConfigException(source, where, "must be a file path or null, not blank");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new ConfigException(source, where, "'" + text + "' is not a valid file path: " + e.getReason(), e);
        }
    }
}
