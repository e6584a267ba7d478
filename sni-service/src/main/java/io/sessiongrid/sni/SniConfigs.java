package io.sessiongrid.sni;

import io.sessiongrid.config.ConfigException;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.config.SniConfig;

import java.time.Duration;
import java.util.Locale;

/**
 * Defaults and validation of {@link SniConfig} for the SNI service. Both come from the configuration module, so
 * there is one set of defaults (the {@code sni} section of {@code sessiongrid-default.yaml}) and one set of rules
 * (the loader's validator); this class only adds the limit of this implementation, the number of chunks.
 */
public final class SniConfigs {
    /** Largest number of chunks a pool may have (the pool directory is one bitmap entry). */
    public static final int MAX_CHUNKS = 1 << 20;

    private SniConfigs() {
    }

    /** The shipped defaults: {@code SessionGridConfigLoader.defaults().sni()}. */
    public static SniConfig defaults() {
        return SessionGridConfigLoader.defaults().sni();
    }

    /**
     * Checks a config built in code against the same rules as a {@code sessiongrid.yaml} (by loading it as one) and
     * against this implementation's chunk-count limit; returns it.
     *
     * @throws ConfigException saying what is wrong and what is allowed (an {@link IllegalArgumentException} for a
     *                         missing config or duration)
     */
    public static SniConfig validate(SniConfig config) {
        if (config == null || config.reservationTtl() == null || config.idleTimeout() == null) {
            throw new IllegalArgumentException("an SniConfig with every field set is required, got " + config);
        }
        String yaml = String.format(Locale.ROOT, "sni: {widthBits: %d, chunkSize: %d, reservationTtl: %s, "
                + "idleTimeout: %s}", config.widthBits(), config.chunkSize(), yaml(config.reservationTtl()),
                yaml(config.idleTimeout()));
        SessionGridConfigLoader.parse("SniConfig", yaml);
        long chunks = (1L << config.widthBits()) / config.chunkSize();
        if (chunks < 2 || chunks > MAX_CHUNKS) {
            long space = 1L << config.widthBits();
            throw new ConfigException("SniConfig", "sni.chunkSize", "2^widthBits / chunkSize must give 2.."
                    + MAX_CHUNKS + " chunks, got " + chunks + " (widthBits " + config.widthBits() + ", chunkSize "
                    + config.chunkSize() + "); for this width use chunks of "
                    + (chunks < 2 ? "at most " + space / 2 : "at least " + space / MAX_CHUNKS) + " identifiers");
        }
        return config;
    }

    /** A duration in the YAML syntax (ISO-8601, which also keeps zero and negative values for the validator). */
    private static String yaml(Duration d) {
        return d.toString();
    }
}
