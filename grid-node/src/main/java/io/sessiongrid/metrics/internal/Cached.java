package io.sessiongrid.metrics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read at most once per {@code maxAge}: several gauges are read from one expensive call (a Jet job's
 * metrics, a scan of the SNI pool) at each scrape. A failed read keeps the last value.
 */
final class Cached<T> implements Supplier<T> {
    private final Supplier<T> source;
    private final Duration maxAge;
    private final Clock clock;
    private T value;
    private Instant readAt;

    Cached(Supplier<T> source, T initial, Duration maxAge, Clock clock) {
        this.source = source;
        this.value = initial;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public synchronized T get() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(maxAge))) {
            readAt = now;
            try {
                T fresh = source.get();
                if (fresh != null) {
                    value = fresh;
                }
            } catch (RuntimeException e) {
                // The metric shows its last value; the failure itself shows in the component's own logs.
            }
        }
        return value;
    }
}
