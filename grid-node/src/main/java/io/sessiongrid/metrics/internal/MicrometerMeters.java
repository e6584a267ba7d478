package io.sessiongrid.metrics.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sessiongrid.metrics.Meters;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/** {@link Meters} on a Micrometer registry. */
public final class MicrometerMeters implements Meters {
    private final MeterRegistry registry;
    // Micrometer holds function counters' sources weakly; a source that only a lambda refers to would vanish.
    private final List<Object> sources = new CopyOnWriteArrayList<>();

    public MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Counter counter(String name, String description, String... tags) {
        io.micrometer.core.instrument.Counter c = io.micrometer.core.instrument.Counter.builder(name)
                .description(description).tags(tags).register(registry);
        return new Counter() {
            @Override
            public void increment() {
                c.increment();
            }

            @Override
            public void add(double amount) {
                c.increment(amount);
            }
        };
    }

    @Override
    public Timer timer(String name, String description, String... tags) {
        io.micrometer.core.instrument.Timer t = io.micrometer.core.instrument.Timer.builder(name)
                .description(description).tags(tags).register(registry);
        return nanos -> t.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value, String... tags) {
        Gauge.builder(name, source, value).description(description).tags(tags).strongReference(true).register(registry);
    }

    @Override
    public <T> void functionCounter(String name, String description, T source, ToDoubleFunction<T> value,
                                    String... tags) {
        sources.add(source);
        FunctionCounter.builder(name, source, value).description(description).tags(tags).register(registry);
    }
}
