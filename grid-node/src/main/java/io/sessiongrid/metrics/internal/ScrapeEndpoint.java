package io.sessiongrid.metrics.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Prometheus scrape endpoint ({@code GET /metrics}) on the JDK's HTTP server: one daemon thread, no web
 * framework. Serves the text format (0.0.4) or OpenMetrics, whichever the scraper's {@code Accept} asks for.
 */
public final class ScrapeEndpoint implements AutoCloseable {
    /** Ports tried after a busy one, as Hazelcast does for members. */
    static final int PORT_ATTEMPTS = 100;

    private final HttpServer server;
    private final ExecutorService executor;

    private ScrapeEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code host:port} (or the next free of the following ports; 0 = any free port) and serves
     * {@code registry}.
     *
     * @throws UncheckedIOException no port could be bound
     */
    public static ScrapeEndpoint start(PrometheusMeterRegistry registry, String host, int port) {
        HttpServer server = bind(host, port);
        server.createContext("/metrics", exchange -> serve(registry, exchange));
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sessiongrid-metrics-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new ScrapeEndpoint(server, executor);
    }

    private static HttpServer bind(String host, int port) {
        int attempts = port == 0 ? 1 : PORT_ATTEMPTS;
        IOException last = null;
        for (int i = 0; i < attempts && port + i <= 65535; i++) {
            try {
                return HttpServer.create(new InetSocketAddress(host, port + i), 0);
            } catch (BindException e) {
                last = e;
            } catch (IOException e) {
                throw new UncheckedIOException("metrics endpoint: cannot bind " + host + ":" + (port + i), e);
            }
        }
        throw new UncheckedIOException("metrics endpoint: ports " + port + ".." + (port + attempts - 1) + " on "
                + host + " are all taken; set metrics.port (0 = any free port) or metrics.prometheus: false", last);
    }

    private static void serve(PrometheusMeterRegistry registry, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            String contentType = accept != null && accept.contains("application/openmetrics-text")
                    ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
                    : "text/plain; version=0.0.4; charset=utf-8";
            byte[] body = registry.scrape(contentType).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Where it is served, e.g. {@code http://127.0.0.1:9464/metrics}. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getHostString() + ":" + a.getPort() + "/metrics");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
