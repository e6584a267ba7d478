package io.sessiongrid.node.demo.report;

import java.time.Instant;
import java.util.Objects;

/**
 * What the cluster forecast said, at the time it was made for ({@code at} = the forecast's target time), so that
 * the band can be drawn over the demand it predicted.
 */
public record BandPoint(Instant at, double lower, double mean, double upper) {
    public BandPoint {
        Objects.requireNonNull(at, "at");
    }
}
