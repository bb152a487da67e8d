package org.ovnl2gw.testbed.kube;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.fabric8.mockwebserver.vertx.ServerWebSocketHandler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The HTTP server of the embedded API (Vert.x, as fabric8's MockWebServer uses), in place of MockWebServer
 * because that one can answer a watch only over WebSocket, which fabric8 clients use, while kubectl watches over
 * plain HTTP: one long response, one JSON watch event per line. Here a watch request without an
 * {@code Upgrade: websocket} header gets that: the store's watch listener is opened on a {@link WebSocket} whose
 * {@code send} writes a line to the HTTP response (turned into a Table event first when the client asked for
 * Tables), and is closed when the client goes. Every other request is answered as MockWebServer answers it: the
 * dispatcher's response, or a WebSocket when it carries a listener. Requests are not recorded.
 */
final class KubeHttpServer implements AutoCloseable {
    /** Turns each watch event line for one request into what that request asked for, or null to drop it. */
    interface WatchEvents {
        UnaryOperator<String> converterFor(RecordedRequest request);
    }

    private final Vertx vertx = Vertx.vertx();
    private final Dispatcher dispatcher;
    private final WatchEvents watchEvents;
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    KubeHttpServer(Dispatcher dispatcher, WatchEvents watchEvents) {
        this.dispatcher = dispatcher;
        this.watchEvents = watchEvents;
    }

    /** Listens on {@code host:port} (0: a free port) and returns the port. */
    int start(String host, int port) {
        CompletableFuture<HttpServer> listening = new CompletableFuture<>();
        vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                .requestHandler(this::handle)
                .listen()
                .onComplete(result -> {
                    if (result.succeeded()) {
                        listening.complete(result.result());
                    } else {
                        listening.completeExceptionally(result.cause());
                    }
                });
        try {
            server = listening.get(30, TimeUnit.SECONDS);
            return server.actualPort();
        } catch (ExecutionException e) {
            vertx.close();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            vertx.close();
            throw new IllegalStateException("cannot listen on " + host + ":" + port, e);
        }
    }

    int requestCount() {
        return requests.get();
    }

    private void handle(HttpServerRequest request) {
        // As MockWebServer does: read the body only when there is one (a WebSocket upgrade must still be possible
        // afterwards), then answer on the event loop; the store is in memory and quick.
        boolean hasBody = request.headers().contains("Transfer-Encoding")
                || !"0".equals(request.getHeader("Content-Length")) && request.getHeader("Content-Length") != null;
        (hasBody ? request.body() : io.vertx.core.Future.succeededFuture(io.vertx.core.buffer.Buffer.buffer()))
                .onSuccess(body -> {
                    requests.incrementAndGet();
                    RecordedRequest recorded = new RecordedRequest(
                            request.version().alpnName().toUpperCase(java.util.Locale.ROOT),
                            HttpMethod.fromVertx(request.method()), request.uri(),
                            Headers.builder().addAll(request.headers()).build(), new Buffer(body.getBytes()));
                    respond(request, recorded, dispatcher.dispatch(recorded));
                })
                // a body that cannot be read gets no answer: close, so that the client does not wait for one
                .onFailure(e -> request.connection().close());
    }

    private void respond(HttpServerRequest request, RecordedRequest recorded, MockResponse response) {
        WebSocketListener listener = response.getWebSocketListener();
        if (listener != null) {
            if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
                request.toWebSocket().onSuccess(new ServerWebSocketHandler(recorded, response));
            } else {
                stream(request, recorded, response, listener);
            }
            return;
        }
        HttpServerResponse out = request.response().setStatusCode(response.code());
        response.getHeaders().toMultimap().forEach((name, values) -> out.headers().add(name, values));
        byte[] body = response.getBody() == null ? new byte[0] : response.getBody().getBytes();
        out.end(io.vertx.core.buffer.Buffer.buffer(body));
    }

    private void stream(HttpServerRequest request, RecordedRequest recorded, MockResponse response,
                        WebSocketListener listener) {
        HttpServerResponse out = request.response().setStatusCode(200).setChunked(true)
                .putHeader("Content-Type", "application/json");
        HttpWatch watch = new HttpWatch(recorded, out, watchEvents.converterFor(recorded));
        out.closeHandler(gone -> watch.clientLeft(listener));
        request.connection().closeHandler(gone -> watch.clientLeft(listener));
        // the head goes out now, so that the client sees the watch started before the first event
        out.write("");
        listener.onOpen(watch, response);
    }

    /** A watch over plain HTTP, looking like a WebSocket to the store's watch listener. */
    private static final class HttpWatch implements WebSocket {
        private final RecordedRequest request;
        private final HttpServerResponse out;
        private final UnaryOperator<String> convert;
        private final AtomicBoolean open = new AtomicBoolean(true);

        HttpWatch(RecordedRequest request, HttpServerResponse out, UnaryOperator<String> convert) {
            this.request = request;
            this.out = out;
            this.convert = convert;
        }

        @Override
        public RecordedRequest request() {
            return request;
        }

        @Override
        public boolean send(String text) {
            if (!open.get()) {
                return false;
            }
            String line = convert.apply(text);
            if (line != null) {
                out.write(line + "\n");
            }
            return true;
        }

        @Override
        public boolean send(byte[] bytes) {
            return send(new String(bytes, StandardCharsets.UTF_8));
        }

        @Override
        public boolean close(int code, String reason) {
            if (open.compareAndSet(true, false)) {
                out.end();
            }
            return true;
        }

        void clientLeft(WebSocketListener listener) {
            if (open.compareAndSet(true, false)) {
                listener.onClosed(this, 1000, "client closed the watch");
            }
        }
    }

    @Override
    public void close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        vertx.close().onComplete(result -> closed.complete(null));
        try {
            closed.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // closing anyway
        }
    }
}
