package io.sessiongrid.config;

import java.time.Duration;

/**
 * The SNI identifier service.
 *
 * @param widthBits      identifier width in bits (the space holds 2^widthBits identifiers)
 * @param chunkSize      identifiers per chunk, a power of two that divides the space
 * @param reservationTtl how long a reservation lives unless extended
 * @param idleTimeout    idle time after which an identifier without a live lease may be reclaimed
 */
public record SniConfig(int widthBits, int chunkSize, Duration reservationTtl, Duration idleTimeout) {
}
