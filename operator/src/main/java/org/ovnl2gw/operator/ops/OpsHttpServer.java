package org.ovnl2gw.operator.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The operational endpoints: {@code /metrics} (Prometheus text) on the metrics port, {@code /healthz}
 * (liveness) and {@code /readyz} (readiness) on the health port; one listener when both ports are the same.
 * Built on the JDK's own HTTP server: three fixed GET routes do not justify a web framework.
 */
public final class OpsHttpServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OpsHttpServer.class.getName());
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String PLAIN_TEXT = "text/plain; charset=utf-8";

    private final HttpServer metricsServer;
    private final HttpServer healthServer;
    private final ExecutorService threads;

    private OpsHttpServer(HttpServer metricsServer, HttpServer healthServer, ExecutorService threads) {
        this.metricsServer = metricsServer;
        this.healthServer = healthServer;
        this.threads = threads;
    }

    /**
     * Starts listening.
     *
     * @param liveness whether the process is alive (answering at all is most of it)
     * @param readiness the readiness checks
     */
    public static OpsHttpServer start(String bindAddress, int metricsPort, int healthPort, OperatorMetrics metrics,
                                      BooleanSupplier liveness, Readiness readiness) {
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ops-http");
            t.setDaemon(true);
            return t;
        });
        try {
            HttpServer metricsServer = HttpServer.create(new InetSocketAddress(bindAddress, metricsPort), 16);
            boolean shared = metricsPort != 0 && metricsPort == healthPort;
            HttpServer healthServer = shared ? metricsServer
                    : HttpServer.create(new InetSocketAddress(bindAddress, healthPort), 16);
            metricsServer.createContext("/metrics", exchange ->
                    answer(exchange, 200, PROMETHEUS_TEXT, metrics.scrape()));
            healthServer.createContext("/healthz", exchange -> {
                boolean alive = liveness.getAsBoolean();
                answer(exchange, alive ? 200 : 503, PLAIN_TEXT, alive ? "ok\n" : "failed\n");
            });
            healthServer.createContext("/readyz", exchange ->
                    answer(exchange, readiness.ready() ? 200 : 503, PLAIN_TEXT, readiness.report()));
            metricsServer.setExecutor(threads);
            metricsServer.start();
            if (!shared) {
                healthServer.setExecutor(threads);
                healthServer.start();
            }
            LOG.info(() -> "serving /metrics on " + bindAddress + ":" + metricsServer.getAddress().getPort()
                    + ", /healthz and /readyz on " + bindAddress + ":" + healthServer.getAddress().getPort());
            return new OpsHttpServer(metricsServer, healthServer, threads);
        } catch (IOException e) {
            threads.shutdownNow();
            throw new UncheckedIOException("cannot listen for metrics/health on " + bindAddress + " ports "
                    + metricsPort + "/" + healthPort, e);
        }
    }

    public int metricsPort() {
        return metricsServer.getAddress().getPort();
    }

    public int healthPort() {
        return healthServer.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ops endpoint " + exchange.getRequestURI() + " failed", e);
            throw e;
        }
    }

    @Override
    public void close() {
        metricsServer.stop(0);
        if (healthServer != metricsServer) {
            healthServer.stop(0);
        }
        threads.shutdownNow();
    }
}
