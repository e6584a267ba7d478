package io.sessiongrid.config.internal;

import io.sessiongrid.config.AnalyzerConfig;
import io.sessiongrid.config.ConfigException;
import io.sessiongrid.config.EncryptionConfig;
import io.sessiongrid.config.PartitionTypeConfig;
import io.sessiongrid.config.RoleConfig;
import io.sessiongrid.config.ScalingConfig;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SniConfig;
import io.sessiongrid.config.MetricsConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks an assembled configuration against the limits the rest of SessionGrid relies on, in document order,
 * and reports every violation, each with its path and what is allowed. Pure: it
 * reads no files and no environment (a key file's existence is checked when a key is needed).
 */
final class ConfigValidator {
    static final int MIN_HISTORY_POINTS = 10;
    static final int MAX_HISTORY_POINTS = 100_000;
    static final int MAX_MEMBERS_LIMIT = 256;
    static final int MIN_WIDTH_BITS = 8;
    static final int MAX_WIDTH_BITS = 32;
    static final int MIN_CHUNK_SIZE = 16;

    private static final String NAME_RULE = "use 1-64 characters from A-Z a-z 0-9 . _ -";
    // POSIX portable environment variable names: anything else cannot be set from a shell.
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<ConfigException.Problem> problems = new ArrayList<>();

    /** Every violation in {@code c}, in document order; empty if it is valid. */
    static List<ConfigException.Problem> problems(SessionGridConfig c) {
        ConfigValidator v = new ConfigValidator();
        v.partitions(c.partitions());
        v.roles(c.roles(), c.partitions());
        v.encryption(c.encryption());
        v.analyzer(c.analyzer());
        v.scaling(c.scaling());
        v.provisioner(c.scaling(), c.roles().keySet());
        v.sni(c.sni());
        v.metrics(c.metrics());
        v.positive(c.migration().moveTimeout(), "migration.moveTimeout");
        return v.problems;
    }

    private void partitions(Map<String, PartitionTypeConfig> types) {
        check(!types.isEmpty(), "partitions", "at least one partition type is required");
        for (PartitionTypeConfig t : types.values()) {
            String at = "partitions." + t.name();
            name(t.name(), at);
            range(t.maxBytes(), 1, PartitionTypeConfig.MAX_BYTES_LIMIT, at + ".maxBytes");
            check(!t.ttl().isNegative(), at + ".ttl", t.ttl() + " is negative; allowed: 0 (no expiry) or more");
            range(t.backupCount(), 0, PartitionTypeConfig.MAX_BACKUP_COUNT, at + ".backupCount");
        }
    }

    private void roles(Map<String, RoleConfig> roles, Map<String, PartitionTypeConfig> types) {
        for (RoleConfig r : roles.values()) {
            String at = "roles." + r.name();
            name(r.name(), at);
            check(!r.partitions().isEmpty(), at, "lists no partition types; list at least one of " + types.keySet());
            List<String> listed = r.partitions();
            for (int i = 0; i < listed.size(); i++) {
                String p = listed.get(i);
                String item = at + "[" + i + "]";
                check(types.containsKey(p), item, "unknown partition type '" + p + "'; known: " + types.keySet());
                int first = listed.indexOf(p);
                check(first == i, item, "'" + p + "' is already listed at [" + first + "]; list each partition type once");
            }
        }
    }

    private void encryption(EncryptionConfig e) {
        String env = e.keyEnv();
        check(env != null && ENV_NAME.matcher(env).matches(), "encryption.keyEnv",
                "'" + env + "' is not an environment variable name; use letters, digits and _, not starting with a digit");
    }

    private void analyzer(AnalyzerConfig a) {
        List<Duration> iv = a.intervals();
        check(!iv.isEmpty(), "analyzer.intervals", "at least one interval is required, e.g. [1s, 5s, 1m]");
        for (int i = 0; i < iv.size(); i++) {
            positive(iv.get(i), "analyzer.intervals[" + i + "]");
            check(i == 0 || iv.get(i).compareTo(iv.get(i - 1)) > 0, "analyzer.intervals[" + i + "]",
                    iv.get(i) + " is not longer than the interval before it (" + (i == 0 ? "" : iv.get(i - 1))
                            + "); intervals must be strictly ascending");
            // Trackers flush once per first interval; every window must be made of whole flush intervals.
            check(i == 0 || iv.get(0).toMillis() <= 0 || iv.get(i).toMillis() % iv.get(0).toMillis() == 0, "analyzer.intervals[" + i + "]",
                    iv.get(i) + " is not a whole multiple of the first interval (" + iv.get(0)
                            + ", the trackers' flush interval); e.g. [1s, 5s, 1m]");
        }
        range(a.historyPoints(), MIN_HISTORY_POINTS, MAX_HISTORY_POINTS, "analyzer.historyPoints");
        List<Integer> ch = a.connectionHistory();
        check(ch.isEmpty() || ch.size() == iv.size(), "analyzer.connectionHistory", ch.size() + " lengths for "
                + iv.size() + " intervals; give one per interval, in the order of analyzer.intervals (e.g. [60, 180, "
                + "120] for [1s, 5s, 1m]), or [] for historyPoints at every interval");
        for (int i = 0; i < ch.size(); i++) {
            range(ch.get(i), MIN_HISTORY_POINTS, MAX_HISTORY_POINTS, "analyzer.connectionHistory[" + i + "]");
        }
        season(a);
    }

    private void season(AnalyzerConfig a) {
        Duration season = a.season();
        check(!season.isNegative(), "analyzer.season", season + " is negative; allowed: 0 (no season) or a duration");
        if (season.isNegative() || season.isZero() || a.intervals().isEmpty() || a.longestInterval().toMillis() <= 0) {
            return;
        }
        if (!a.seasonIsWhole()) {
            check(false, "analyzer.season", DurationFormat.format(season) + " is not a whole number of windows of the "
                    + "longest interval (" + DurationFormat.format(a.longestInterval()) + "); allowed: 0 (no season) or "
                    + "a multiple of it, e.g. 1d");
            return;
        }
        int steps = a.seasonSteps();
        check(steps >= 2 && steps <= AnalyzerConfig.MAX_SEASON_STEPS, "analyzer.season", DurationFormat.format(season)
                + " is " + steps + " windows of the longest interval (" + DurationFormat.format(a.longestInterval())
                + "); allowed: 0 (no season) or 2.." + AnalyzerConfig.MAX_SEASON_STEPS + " windows of it (with "
                + "[1s, 5s, 1m]: 2m to about 6d); for a daily season, keep a longest interval of 1m or more");
    }

    private void scaling(ScalingConfig s) {
        check(s.minMembers() >= 1, "scaling.minMembers", s.minMembers() + " is not allowed; allowed: 1 or more");
        check(s.maxMembers() >= s.minMembers() && s.maxMembers() <= MAX_MEMBERS_LIMIT, "scaling.maxMembers",
                s.maxMembers() + " is not allowed; allowed: scaling.minMembers (" + s.minMembers() + ") to "
                        + MAX_MEMBERS_LIMIT);
        positive(s.decisionInterval(), "scaling.decisionInterval");
        positive(s.provisioningTime(), "scaling.provisioningTime");
        positive(s.warmUpTime(), "scaling.warmUpTime");
        check(!s.cooldown().isNegative(), "scaling.cooldown", s.cooldown() + " is negative; allowed: 0 or more");
        check(s.capacityPerServer() > 0 && Double.isFinite(s.capacityPerServer()), "scaling.capacityPerServer",
                s.capacityPerServer() + " is not allowed; allowed: a number greater than 0 (requests/s per server)");
        check(s.targetUtilization() > 0 && s.targetUtilization() <= 1, "scaling.targetUtilization",
                s.targetUtilization() + " is not allowed; allowed: greater than 0 and at most 1");
        check(s.scaleInUtilization() > 0 && s.scaleInUtilization() < s.targetUtilization(), "scaling.scaleInUtilization",
                s.scaleInUtilization() + " is not allowed; allowed: greater than 0 and below scaling.targetUtilization ("
                        + s.targetUtilization() + ")");
        range(s.maxStep(), 1, MAX_MEMBERS_LIMIT, "scaling.maxStep");
    }

    private void provisioner(ScalingConfig s, java.util.Set<String> roles) {
        check(s.provisioner() != null && ScalingConfig.PROVISIONERS.contains(s.provisioner()), "scaling.provisioner",
                s.provisioner() + " is not allowed; allowed: " + String.join(", ", ScalingConfig.PROVISIONERS));
        // With none no server is ever started, so a file with its own roles need not name one for the engine.
        check(ScalingConfig.NO_PROVISIONER.equals(s.provisioner()) || roles.contains(s.serverRole()),
                "scaling.serverRole", s.serverRole() + " is not a configured role; allowed: " + roles);
        // Which keys a provisioner takes is its own business (checked when the node starts it); the shape is ours.
        s.provisionerSettings().forEach((key, value) -> check(key != null && !key.isBlank() && value != null,
                "scaling.provisionerSettings" + (key == null || key.isBlank() ? "" : "." + key),
                "'" + key + "': '" + value + "' is not allowed; allowed: a non-empty key with a string value"));
    }

    private void sni(SniConfig s) {
        range(s.widthBits(), MIN_WIDTH_BITS, MAX_WIDTH_BITS, "sni.widthBits");
        long space = 1L << s.widthBits();
        int chunk = s.chunkSize();
        check(chunk >= MIN_CHUNK_SIZE && Integer.bitCount(chunk) == 1 && chunk <= space, "sni.chunkSize",
                chunk + " is not allowed; allowed: a power of two from " + MIN_CHUNK_SIZE + " to 2^widthBits ("
                        + space + ")");
        positive(s.reservationTtl(), "sni.reservationTtl");
        positive(s.idleTimeout(), "sni.idleTimeout");
    }

    private void metrics(MetricsConfig m) {
        check(!m.host().isBlank(), "metrics.host", "must be a host name or IP address to bind to, not blank");
        range(m.port(), 0, 65535, "metrics.port");
    }

    private void name(String name, String path) {
        check(PartitionTypeConfig.NAME_PATTERN.matcher(name).matches(), path, "name '" + name + "' is not allowed; " + NAME_RULE);
    }

    private void range(long value, long min, long max, String path) {
        check(value >= min && value <= max, path, value + " is out of range; allowed: " + min + ".." + max);
    }

    private void positive(Duration d, String path) {
        check(d.compareTo(Duration.ZERO) > 0, path, d + " is not allowed; allowed: a duration greater than 0");
    }

    private void check(boolean ok, String path, String problem) {
        if (!ok) {
            problems.add(new ConfigException.Problem(path, problem));
        }
    }
}
