package io.sessiongrid.metrics;

import java.util.function.ToDoubleFunction;

/**
 * The meters SessionGrid records through, so that its code does not depend on a metrics library. Names are
 * dotted lower case ({@code sessiongrid.store.operations}); tags are key/value pairs ({@code "op", "get"}).
 * Asking twice for the same name and tags returns the same meter. Thread-safe.
 */
public interface Meters {

    /** A monotonic count of events. */
    Counter counter(String name, String description, String... tags);

    /** Durations of events (count, total and maximum; Prometheus shows seconds). */
    Timer timer(String name, String description, String... tags);

    /**
     * A value read from {@code source} whenever the meters are published. The source is held strongly for the
     * life of the meters.
     */
    <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value, String... tags);

    /** A monotonic count kept by {@code source} (e.g. a counter it already has), read when published. */
    <T> void functionCounter(String name, String description, T source, ToDoubleFunction<T> value, String... tags);

    /** Meters that record nothing. */
    static Meters none() {
        return NoMeters.INSTANCE;
    }

    /** A monotonic count. */
    interface Counter {
        void increment();

        void add(double amount);
    }

    /** A duration recorder. */
    interface Timer {
        void recordNanos(long nanos);
    }
}
