package io.sessiongrid.config;

/**
 * Where a node publishes its metrics.
 *
 * @param prometheus serve a Prometheus scrape endpoint at {@code http://host:port/metrics}
 * @param host       the address the endpoint binds to (loopback by default: it has no authentication)
 * @param port       the first port tried (the next free one of the 100 after it is taken when it is busy,
 *                   as Hazelcast does for members); 0 = any free port
 * @param jmx        register the same meters as JMX MBeans
 */
public record MetricsConfig(boolean prometheus, String host, int port, boolean jmx) {

    /** The shipped defaults (those of {@code sessiongrid-default.yaml}): both on, loopback, port 9464. */
    public static MetricsConfig defaults() {
        return new MetricsConfig(true, "127.0.0.1", 9464, true);
    }

    /** Neither Prometheus nor JMX (no meters are kept). */
    public static MetricsConfig off() {
        return new MetricsConfig(false, "127.0.0.1", 0, false);
    }
}
