package io.sessiongrid.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sessiongrid.config.MetricsConfig;
import io.sessiongrid.metrics.internal.MicrometerMeters;
import io.sessiongrid.metrics.internal.ScrapeEndpoint;

import java.net.URI;
import java.util.Optional;

/**
 * One node's metrics: a Micrometer registry publishing to Prometheus ({@link #scrapeUri()}) and JMX (domain
 * {@code sessiongrid}) as {@link MetricsConfig} says, with JVM meters and the common tags {@code cluster} and
 * {@code node}. Record through {@link #meters()}; add your own Micrometer registries or binders to
 * {@link #registry()}.
 */
public final class NodeMetrics implements AutoCloseable {
    /** The JMX domain of SessionGrid's MBeans. */
    public static final String JMX_DOMAIN = "sessiongrid";

    private final CompositeMeterRegistry registry;
    private final Meters meters;
    private final ScrapeEndpoint endpoint;
    private final JvmGcMetrics gc;

    private NodeMetrics(CompositeMeterRegistry registry, ScrapeEndpoint endpoint, JvmGcMetrics gc) {
        this.registry = registry;
        this.meters = new MicrometerMeters(registry);
        this.endpoint = endpoint;
        this.gc = gc;
    }

    /**
     * Starts publishing.
     *
     * @param cluster the Hazelcast cluster name (tag {@code cluster})
     * @param node    this node's id (tag {@code node})
     * @throws java.io.UncheckedIOException the scrape endpoint could not bind a port
     */
    public static NodeMetrics start(MetricsConfig config, String cluster, String node) {
        CompositeMeterRegistry registry = new CompositeMeterRegistry();
        registry.config().commonTags("cluster", cluster, "node", node);
        ScrapeEndpoint endpoint = null;
        if (config.prometheus()) {
            PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.add(prometheus);
            endpoint = ScrapeEndpoint.start(prometheus, config.host(), config.port());
        }
        if (config.jmx()) {
            registry.add(new JmxMeterRegistry(new JmxConfig() {
                @Override
                public String get(String key) {
                    return null;
                }

                @Override
                public String domain() {
                    return JMX_DOMAIN;
                }
            }, Clock.SYSTEM));
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return new NodeMetrics(registry, endpoint, gc);
    }

    /** Where Prometheus scrapes this node, e.g. {@code http://127.0.0.1:9464/metrics}; empty when it is off. */
    public Optional<URI> scrapeUri() {
        return Optional.ofNullable(endpoint).map(ScrapeEndpoint::uri);
    }

    /** What SessionGrid's components record through. */
    public Meters meters() {
        return meters;
    }

    /** The Micrometer registry behind {@link #meters()}: add registries or binders of your own here. */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        if (endpoint != null) {
            endpoint.close();
        }
        gc.close();
        registry.getRegistries().forEach(MeterRegistry::close);
        registry.close();
    }
}
