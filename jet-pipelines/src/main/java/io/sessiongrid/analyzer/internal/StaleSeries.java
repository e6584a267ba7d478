package io.sessiongrid.analyzer.internal;

import com.hazelcast.query.Predicate;

import java.util.Map;

/**
 * Selects the connection and session series whose newest window ended before {@code cutoff} (epoch millis): what
 * the job's sweep removes. Runs on the members owning the entries (the maps keep objects, so no deserialization).
 */
public record StaleSeries(long cutoff) implements Predicate<Object, Object> {
    @Override
    public boolean apply(Map.Entry<Object, Object> entry) {
        return entry.getValue() instanceof SeriesRings rings && rings.newestEnd() < cutoff;
    }
}
