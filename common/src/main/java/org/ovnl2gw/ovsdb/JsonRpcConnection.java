package org.ovnl2gw.ovsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.json.JsonObjectDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One JSON-RPC 1.0 connection (RFC 7047 §4): frames the byte stream into JSON objects, matches
 * replies to requests by id, answers the server's echo, hands notifications to a listener, and runs
 * the inactivity probe. Everything above it speaks typed values; this class speaks JsonNode.
 */
final class JsonRpcConnection extends SimpleChannelInboundHandler<ByteBuf> {
    private static final Logger LOG = Logger.getLogger(JsonRpcConnection.class.getName());
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Large enough for an initial monitor reply of a big Southbound database. */
    private static final int MAX_MESSAGE_BYTES = 1 << 30;

    /** Receives what the server sends on its own, on the I/O thread. */
    interface Listener {
        void onNotification(String method, JsonNode params);

        void onClosed();
    }

    private record Pending(String method, CompletableFuture<JsonNode> future, Consumer<JsonNode> onReplyInIo) {
    }

    private final String peer;
    private final Listener listener;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Channel channel;
    private volatile boolean probeOutstanding;

    private JsonRpcConnection(String peer, Listener listener) {
        this.peer = peer;
        this.listener = listener;
    }

    static CompletableFuture<JsonRpcConnection> connect(OvsdbRemote.Endpoint endpoint, ClientOptions options, Listener listener) {
        JsonRpcConnection conn = new JsonRpcConnection(endpoint.toString(), listener);
        SslContext ssl;
        try {
            ssl = endpoint.transport() == OvsdbRemote.Transport.SSL ? sslContext(endpoint, options) : null;
        } catch (IllegalArgumentException e) {
            // a key that cannot be used: an error of its own, never an exception thrown into the caller's executor
            return CompletableFuture.failedFuture(e);
        }
        SocketAddress address = endpoint.transport() == OvsdbRemote.Transport.UNIX
                ? UnixDomainSocketAddress.of(endpoint.path())
                : new InetSocketAddress(endpoint.host(), endpoint.port());
        Bootstrap bootstrap = new Bootstrap().group(IoThreads.group())
                .channel(endpoint.transport() == OvsdbRemote.Transport.UNIX ? NioDomainSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ChannelPipeline p = ch.pipeline();
                        if (ssl != null) {
                            p.addLast(ssl.newHandler(ch.alloc(), endpoint.host(), endpoint.port()));
                        }
                        if (!options.inactivityProbe().isZero()) {
                            p.addLast(new IdleStateHandler(options.inactivityProbe().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
                        }
                        p.addLast(new JsonObjectDecoder(MAX_MESSAGE_BYTES));
                        p.addLast(conn);
                    }
                });
        if (endpoint.transport() == OvsdbRemote.Transport.TCP || endpoint.transport() == OvsdbRemote.Transport.SSL) {
            bootstrap.option(ChannelOption.TCP_NODELAY, true);
        }
        CompletableFuture<JsonRpcConnection> result = new CompletableFuture<>();
        io.netty.channel.ChannelFuture connecting = bootstrap.connect(address);
        connecting.addListener(f -> {
            if (f.isSuccess() && ssl != null) {
                // usable only once the TLS handshake has authenticated both sides
                connecting.channel().pipeline().get(io.netty.handler.ssl.SslHandler.class).handshakeFuture().addListener(h -> {
                    if (h.isSuccess()) {
                        result.complete(conn);
                    } else {
                        result.completeExceptionally(new OvsdbNotConnectedException(
                                "TLS handshake with " + endpoint + " failed: " + h.cause().getMessage()));
                    }
                });
            } else if (f.isSuccess()) {
                result.complete(conn);
            } else {
                result.completeExceptionally(new OvsdbNotConnectedException("cannot connect to " + endpoint + ": " + f.cause().getMessage()));
            }
        });
        return result;
    }

    private static SslContext sslContext(OvsdbRemote.Endpoint endpoint, ClientOptions options) {
        SslFiles files = options.ssl().orElseThrow(() ->
                new IllegalArgumentException(endpoint + " needs SslFiles (private key, certificate, CA certificate)"));
        // read on every connect, so renewed certificates are picked up by the next reconnect
        SslFiles.Loaded loaded = files.load();
        try {
            // OVS and OVN authenticate peers by a certificate signed by the trusted CA only; ovs-pki
            // certificates carry no host names, so host name verification would refuse every one
            return SslContextBuilder.forClient()
                    .keyManager(loaded.key(), loaded.chain().toArray(java.security.cert.X509Certificate[]::new))
                    .trustManager(loaded.trusted().toArray(java.security.cert.X509Certificate[]::new))
                    .endpointIdentificationAlgorithm(null)
                    .build();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use SSL files " + files + ": " + e.getMessage(), e);
        }
    }

    String peer() {
        return peer;
    }

    boolean isOpen() {
        Channel ch = channel;
        return ch != null && ch.isActive();
    }

    CompletableFuture<Void> closeFuture() {
        return closed;
    }

    void close() {
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    /** Sends a request; onReplyInIo, when given, runs on the I/O thread before any later message is read. */
    CompletableFuture<JsonNode> request(String method, ArrayNode params, Consumer<JsonNode> onReplyInIo) {
        long id = nextId.getAndIncrement();
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            future.completeExceptionally(new OvsdbNotConnectedException("connection to " + peer + " is closed"));
            return future;
        }
        pending.put(id, new Pending(method, future, onReplyInIo));
        if (closed.isDone() && pending.remove(id) != null) {
            future.completeExceptionally(new OvsdbNotConnectedException("connection to " + peer + " is closed"));
            return future;
        }
        ObjectNode msg = MAPPER.createObjectNode().put("method", method);
        msg.set("params", params);
        msg.put("id", id);
        send(ch, msg).addListener(f -> {
            if (!f.isSuccess()) {
                pending.remove(id);
                future.completeExceptionally(new OvsdbNotConnectedException("cannot send " + method + " to " + peer + ": " + f.cause()));
            }
        });
        return future;
    }

    CompletableFuture<JsonNode> request(String method, ArrayNode params) {
        return request(method, params, null);
    }

    private static io.netty.channel.ChannelFuture send(Channel ch, JsonNode msg) {
        try {
            return ch.writeAndFlush(Unpooled.wrappedBuffer(MAPPER.writeValueAsBytes(msg)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + msg, e);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        super.channelActive(ctx);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) throws IOException {
        probeOutstanding = false;
        JsonNode msg = MAPPER.readTree((java.io.InputStream) new ByteBufInputStream(frame));
        JsonNode id = msg.get("id");
        if (msg.has("method")) {
            String method = msg.get("method").asText();
            JsonNode params = msg.path("params");
            if (id != null && !id.isNull()) {
                answer(ctx.channel(), method, params, id);
            } else {
                listener.onNotification(method, params);
            }
            return;
        }
        if (id == null || !id.canConvertToLong()) {
            LOG.fine(() -> peer + ": reply with unknown id " + msg);
            return;
        }
        Pending p = pending.remove(id.asLong());
        if (p == null) {
            return;
        }
        JsonNode error = msg.get("error");
        if (error != null && !error.isNull()) {
            String text = error.isTextual() ? error.asText() : error.path("error").asText(error.toString());
            String details = error.path("details").asText("");
            p.future.completeExceptionally(new OvsdbRpcException(p.method, details.isEmpty() ? text : text + ": " + details));
            return;
        }
        JsonNode result = msg.path("result");
        if (p.onReplyInIo != null) {
            try {
                p.onReplyInIo.accept(result);
            } catch (RuntimeException e) {
                p.future.completeExceptionally(e);
                return;
            }
        }
        p.future.complete(result);
    }

    /** The only request a server sends a client is echo; anything else gets an error reply. */
    private void answer(Channel ch, String method, JsonNode params, JsonNode id) {
        ObjectNode reply = MAPPER.createObjectNode();
        if (method.equals("echo")) {
            reply.set("result", params);
            reply.putNull("error");
        } else {
            reply.putNull("result");
            reply.put("error", "unknown method");
        }
        reply.set("id", id);
        send(ch, reply);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            if (probeOutstanding) {
                LOG.warning(() -> peer + ": no answer to inactivity probe, closing the connection");
                ctx.close();
            } else {
                probeOutstanding = true;
                request("echo", MAPPER.createArrayNode());
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.WARNING, peer + ": closing after error: " + cause);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        OvsdbNotConnectedException gone = new OvsdbNotConnectedException("connection to " + peer + " closed");
        pending.values().forEach(p -> p.future.completeExceptionally(gone));
        pending.clear();
        closed.complete(null);
        listener.onClosed();
    }
}
