package io.sessiongrid.metrics;

import java.util.function.ToDoubleFunction;

/** {@link Meters#none()}. */
enum NoMeters implements Meters, Meters.Counter, Meters.Timer {
    INSTANCE;

    @Override
    public Counter counter(String name, String description, String... tags) {
        return this;
    }

    @Override
    public Timer timer(String name, String description, String... tags) {
        return this;
    }

    @Override
    public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value, String... tags) {
    }

    @Override
    public <T> void functionCounter(String name, String description, T source, ToDoubleFunction<T> value,
                                    String... tags) {
    }

    @Override
    public void increment() {
    }

    @Override
    public void add(double amount) {
    }

    @Override
    public void recordNanos(long nanos) {
    }
}
