package io.sessiongrid.sni;

import io.sessiongrid.config.SniConfig;

import java.time.Duration;

/** Validation and defaults of {@link SniConfig} for the SNI service. */
public final class SniConfigs {
    /** Identifier width when not configured: 24 bits, 16,777,216 identifiers. */
    public static final int DEFAULT_WIDTH_BITS = 24;
    /** Chunk size when not configured: 256 identifiers (a /24 of a 24-bit space), 65,536 chunks. */
    public static final int DEFAULT_CHUNK_SIZE = 256;
    public static final int MAX_CHUNK_SIZE = 65_536;
    public static final int MAX_CHUNKS = 1 << 20;

    private SniConfigs() {
    }

    /** 24 bits, 256-identifier chunks, 24 h reservations, 10 min idle timeout. */
    public static SniConfig defaults() {
        return new SniConfig(DEFAULT_WIDTH_BITS, DEFAULT_CHUNK_SIZE, Duration.ofHours(24), Duration.ofMinutes(10));
    }

    /**
     * Checks the config and returns it.
     *
     * @throws IllegalArgumentException saying what is wrong and what is allowed
     */
    public static SniConfig validate(SniConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("SniConfig is required");
        }
        int width = config.widthBits();
        if (width < 8 || width > 31) {
            throw new IllegalArgumentException("sni.widthBits must be 8..31, got " + width);
        }
        int chunk = config.chunkSize();
        if (chunk < 64 || chunk > MAX_CHUNK_SIZE || Integer.bitCount(chunk) != 1) {
            throw new IllegalArgumentException("sni.chunkSize must be a power of two in 64.." + MAX_CHUNK_SIZE
                    + ", got " + chunk);
        }
        long chunks = (1L << width) / chunk;
        if (chunks < 2 || chunks > MAX_CHUNKS) {
            throw new IllegalArgumentException("sni: 2^widthBits / chunkSize must give 2.." + MAX_CHUNKS
                    + " chunks, got " + chunks + " (widthBits " + width + ", chunkSize " + chunk + ")");
        }
        requirePositive("sni.reservationTtl", config.reservationTtl());
        requirePositive("sni.idleTimeout", config.idleTimeout());
        return config;
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
