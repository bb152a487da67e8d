package org.ovnl2gw.operator.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The endpoints on loopback: routes, status codes, one listener when both ports are the same. */
class OpsHttpServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void separatePortsServeTheirOwnRoutes() throws Exception {
        AtomicBoolean southbound = new AtomicBoolean(false);
        Readiness readiness = new Readiness(List.of(new HealthCheck("southbound connected", southbound::get)));
        try (OpsHttpServer server = OpsHttpServer.start("127.0.0.1", 0, 0, new OperatorMetrics(), () -> true,
                readiness)) {
            assertNotEquals(server.metricsPort(), server.healthPort());
            assertEquals(200, get(server.metricsPort(), "/metrics").statusCode());
            assertEquals(404, get(server.metricsPort(), "/readyz").statusCode());
            assertEquals(200, get(server.healthPort(), "/healthz").statusCode());
            HttpResponse<String> notReady = get(server.healthPort(), "/readyz");
            assertEquals(503, notReady.statusCode());
            assertEquals("failed southbound connected\n", notReady.body());
            southbound.set(true);
            assertEquals(200, get(server.healthPort(), "/readyz").statusCode());
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri(server.healthPort(), "/readyz"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
    }

    @Test
    void oneListenerWhenThePortsAreTheSame() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (OpsHttpServer server = OpsHttpServer.start("127.0.0.1", port, port, new OperatorMetrics(), () -> false,
                new Readiness(List.of()))) {
            assertEquals(port, server.healthPort());
            assertTrue(get(port, "/metrics").body().contains("# TYPE l2gw_reconciles_total counter"));
            assertEquals(503, get(port, "/healthz").statusCode(), "liveness false while shutting down");
            assertEquals(200, get(port, "/readyz").statusCode());
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(port, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
