package org.ovnl2gw.agent.openflow;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One OpenFlow 1.3 session with a switch: hello negotiation, echo both ways, requests matched to
 * replies by xid, errors turned into {@link OpenFlowErrorException} on the request's future.
 *
 * <p>Messages that have no reply (flow mods, bundle adds, TLV mods) complete when a later barrier
 * reply arrives, because OVS answers in order: an error for them would have come first. All
 * bookkeeping runs on the channel's event loop, so it needs no locks.
 *
 * <p>A connection does not reconnect; the owner registers {@link #onDisconnect} and opens a new
 * one (e.g. after ovs-vswitchd restarts), then reinstalls its state.
 */
public final class OpenFlowConnection implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OpenFlowConnection.class.getName());
    /** Errors for already-settled xids kept for {@link #lateError}; bundles need only the last few. */
    private static final int LATE_ERRORS_KEPT = 256;

    /**
     * Connection settings.
     *
     * @param connectTimeout limit for the socket connect and the hello/features exchange
     * @param echoInterval after this much silence we send an echo; after twice this we give up
     */
    public record Options(Duration connectTimeout, Duration echoInterval) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(10), Duration.ofSeconds(5));
        }
    }

    enum ReplyKind { SINGLE, MULTIPART, SETTLED_BY_BARRIER }

    /** One message of a batch ({@link #sendAll}) and how it is answered. */
    record Outgoing(OfMessage message, ReplyKind kind, String description) {
        static Outgoing request(OfMessage message, String description) {
            return new Outgoing(message, ReplyKind.SINGLE, description);
        }

        static Outgoing settledByBarrier(OfMessage message, String description) {
            return new Outgoing(message, ReplyKind.SETTLED_BY_BARRIER, description);
        }
    }

    private record Pending(ReplyKind kind, CompletableFuture<List<OfMessage>> future, List<OfMessage> parts,
                           String description) {
    }

    private final OpenFlowEndpoint endpoint;
    private final EventLoopGroup group;
    private final AtomicLong xids = new AtomicLong();
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private final Map<Long, OpenFlowErrorException> lateErrors = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, OpenFlowErrorException> eldest) {
            return size() > LATE_ERRORS_KEPT;
        }
    };
    private final List<Consumer<Throwable>> disconnectListeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<OpenFlowConnection> handshake = new CompletableFuture<>();
    private final AtomicBoolean disconnected = new AtomicBoolean();
    private volatile Channel channel;
    private volatile long datapathId;
    private volatile Throwable closeCause;
    private boolean echoOutstanding;

    private OpenFlowConnection(OpenFlowEndpoint endpoint) {
        this.endpoint = endpoint;
        // One I/O thread per switch connection: the agent has one or two, and a private group
        // lets close() release everything without coordinating with other users.
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("openflow", true),
                NioIoHandler.newFactory());
    }

    public static CompletableFuture<OpenFlowConnection> connect(OpenFlowEndpoint endpoint) {
        return connect(endpoint, Options.defaults());
    }

    /** Opens the socket, negotiates OpenFlow 1.3 and reads the datapath id. */
    public static CompletableFuture<OpenFlowConnection> connect(OpenFlowEndpoint endpoint, Options options) {
        OpenFlowConnection c = new OpenFlowConnection(endpoint);
        c.start(options);
        return c.handshake;
    }

    private void start(Options options) {
        SocketAddress address;
        Bootstrap b = new Bootstrap().group(group)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis());
        if (endpoint instanceof OpenFlowEndpoint.Unix u) {
            b.channel(NioDomainSocketChannel.class);
            address = UnixDomainSocketAddress.of(u.socket());
        } else {
            OpenFlowEndpoint.Tcp t = (OpenFlowEndpoint.Tcp) endpoint;
            b.channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true);
            address = new InetSocketAddress(t.host(), t.port());
        }
        long echoMillis = options.echoInterval().toMillis();
        b.handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                // here, before the connection exists: on a unix socket the switch's hello can be read (and
                // answered through this.channel) before connect() below has even returned to the caller
                channel = ch;
                ch.pipeline().addLast(OfFrameCodec.frameDecoder(), new OfFrameCodec(),
                        new IdleStateHandler(echoMillis, 0, 0, TimeUnit.MILLISECONDS), new Inbound());
            }
        });
        // before connecting: a connect that fails at once shuts the group down, and nothing can be scheduled then
        group.schedule(() -> {
            if (handshake.completeExceptionally(new OpenFlowDisconnectedException(
                    "no OpenFlow 1.3 session with " + endpoint + " within " + options.connectTimeout()))) {
                channel.close();
            }
        }, options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ChannelFuture cf = b.connect(address);
        channel = cf.channel();
        cf.addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                handshake.completeExceptionally(f.cause());
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
            // our hello goes in channelActive: a listener added after a quick unix-socket connect runs later, as a
            // task, possibly after the switch's hello was read and answered with a features request, which
            // ovs-vswitchd then drops the connection for ("received message while expecting hello")
        });
    }

    public OpenFlowEndpoint endpoint() {
        return endpoint;
    }

    /** The switch's datapath id from the features reply. */
    public long datapathId() {
        return datapathId;
    }

    public boolean isOpen() {
        return channel.isActive() && !disconnected.get();
    }

    /** Called once, with the cause, when the session ends for any reason (including close()). */
    public void onDisconnect(Consumer<Throwable> listener) {
        disconnectListeners.add(listener);
        if (disconnected.get()) {
            listener.accept(closeCause);
        }
    }

    /** Round trip to the switch; completes when the echo reply arrives. */
    public CompletableFuture<Void> echo() {
        return request(OfType.ECHO_REQUEST, new byte[0], "echo").thenApply(m -> null);
    }

    /**
     * Completes when the switch has finished everything sent before it; no-reply messages sent
     * earlier complete (or fail with their error) before this does.
     */
    public CompletableFuture<Void> barrier() {
        return request(OfType.BARRIER_REQUEST, new byte[0], "barrier").thenApply(m -> null);
    }

    /** A fresh transaction id; callers that must know the xid up front (bundles) take one here. */
    long nextXid() {
        return xids.incrementAndGet() & 0xffffffffL;
    }

    /** Sends a request answered by one message with its xid. */
    CompletableFuture<OfMessage> request(int type, byte[] body, String description) {
        return send(OfMessage.of(type, nextXid(), body), ReplyKind.SINGLE, description).thenApply(l -> l.get(0));
    }

    /** Sends a multipart request; completes with every reply part, following OFPMPF_REPLY_MORE. */
    CompletableFuture<List<OfMessage>> multipart(byte[] body, String description) {
        return send(OfMessage.of(OfType.MULTIPART_REQUEST, nextXid(), body), ReplyKind.MULTIPART, description);
    }

    /** Sends a message without a reply; it completes at the next barrier reply or fails with its error. */
    CompletableFuture<Void> sendSettledByBarrier(OfMessage message, String description) {
        return send(message, ReplyKind.SETTLED_BY_BARRIER, description).thenApply(l -> null);
    }

    /**
     * An error that arrived for an xid whose request had already completed. Bundle commits need it:
     * OVS reports the failing inner message under that message's xid, then fails the commit.
     */
    OpenFlowErrorException lateError(long xid) {
        synchronized (lateErrors) {
            return lateErrors.get(xid);
        }
    }

    private CompletableFuture<List<OfMessage>> send(OfMessage message, ReplyKind kind, String description) {
        CompletableFuture<List<OfMessage>> future = new CompletableFuture<>();
        if (disconnected.get()) {
            // the event loop may already be shut down: do not hand it work
            future.completeExceptionally(notConnected(description));
            return future;
        }
        try {
            channel.eventLoop().execute(() -> register(message, kind, description, future));
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(notConnected(description));
        }
        return future;
    }

    /**
     * Sends several messages in one write (one event-loop task, one flush: the switch reads them together); the
     * futures are in the order of {@code batch}, each completing as {@link #request} or {@link #sendSettledByBarrier}
     * would.
     */
    List<CompletableFuture<List<OfMessage>>> sendAll(List<Outgoing> batch) {
        List<CompletableFuture<List<OfMessage>>> futures = new ArrayList<>(batch.size());
        batch.forEach(o -> futures.add(new CompletableFuture<>()));
        Runnable failAll = () -> {
            for (int i = 0; i < batch.size(); i++) {
                futures.get(i).completeExceptionally(notConnected(batch.get(i).description()));
            }
        };
        if (disconnected.get()) {
            failAll.run();
            return futures;
        }
        try {
            channel.eventLoop().execute(() -> {
                for (int i = 0; i < batch.size(); i++) {
                    Outgoing o = batch.get(i);
                    register(o.message(), o.kind(), o.description(), futures.get(i), false);
                }
                channel.flush();
            });
        } catch (RejectedExecutionException e) {
            failAll.run();
        }
        return futures;
    }

    private void register(OfMessage message, ReplyKind kind, String description,
                          CompletableFuture<List<OfMessage>> future) {
        register(message, kind, description, future, true);
    }

    private void register(OfMessage message, ReplyKind kind, String description,
                          CompletableFuture<List<OfMessage>> future, boolean flush) {
        if (disconnected.get()) {
            future.completeExceptionally(notConnected(description));
            return;
        }
        pending.put(message.xid(), new Pending(kind, future, new ArrayList<>(), description));
        (flush ? channel.writeAndFlush(message) : channel.write(message)).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                pending.remove(message.xid());
                future.completeExceptionally(f.cause());
            }
        });
    }

    private OpenFlowDisconnectedException notConnected(String description) {
        return new OpenFlowDisconnectedException("not connected to " + endpoint + ": " + description);
    }

    private void write(OfMessage message) {
        channel.writeAndFlush(message).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
    }

    /** Closes the session; pending requests fail and disconnect listeners run. */
    @Override
    public void close() {
        ChannelFuture closed = channel.close();
        // Disconnect listeners run on the event loop and may call close(): never block it.
        if (!channel.eventLoop().inEventLoop()) {
            closed.awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private void onHello(OfMessage hello) {
        if (!HelloCodec.peerAccepts13(hello.version(), hello.body())) {
            write(OfMessage.of(OfType.ERROR, hello.xid(), ErrorCodec.encode(ErrorCodec.OFPET_HELLO_FAILED,
                    ErrorCodec.OFPHFC_INCOMPATIBLE, "we speak OpenFlow 1.3 only".getBytes(
                            java.nio.charset.StandardCharsets.US_ASCII))));
            handshake.completeExceptionally(new OpenFlowDisconnectedException(
                    endpoint + " does not offer OpenFlow 1.3 (hello version " + hello.version() + ")"));
            channel.close();
            return;
        }
        request(OfType.FEATURES_REQUEST, new byte[0], "features").whenComplete((features, err) -> {
            if (err != null) {
                handshake.completeExceptionally(err);
                channel.close();
                return;
            }
            datapathId = ByteBuffer.wrap(features.body()).getLong();
            if (!handshake.complete(this)) {
                channel.close(); // connect already timed out
            }
        });
    }

    private void onError(OfMessage message) {
        OpenFlowErrorException error = ErrorCodec.decode(message.body());
        Pending p = pending.remove(message.xid());
        if (p != null) {
            p.future().completeExceptionally(error.forRequest(p.description()));
            return;
        }
        if (!handshake.isDone()) {
            handshake.completeExceptionally(error.forRequest("hello from " + endpoint));
            channel.close();
            return;
        }
        synchronized (lateErrors) {
            lateErrors.put(message.xid(), error);
        }
        LOG.log(System.Logger.Level.DEBUG, "error for settled xid {0} from {1}: {2}",
                message.xid(), endpoint, error.getMessage());
    }

    private void onBarrierReply(OfMessage reply) {
        // Everything sent before the barrier has been processed; what did not fail succeeded.
        Iterator<Map.Entry<Long, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Pending> e = it.next();
            if (e.getKey() == reply.xid()) {
                it.remove();
                e.getValue().future().complete(List.of(reply));
                return;
            }
            if (e.getValue().kind() == ReplyKind.SETTLED_BY_BARRIER) {
                it.remove();
                e.getValue().future().complete(List.of());
            }
        }
    }

    private void onReply(OfMessage reply) {
        Pending p = pending.get(reply.xid());
        if (p == null || p.kind() == ReplyKind.SETTLED_BY_BARRIER) {
            LOG.log(System.Logger.Level.DEBUG, "ignoring unsolicited {0} from {1}", reply, endpoint);
            return;
        }
        p.parts().add(reply);
        boolean more = p.kind() == ReplyKind.MULTIPART && reply.type() == OfType.MULTIPART_REPLY
                && MultipartCodec.hasMore(reply.body());
        if (!more) {
            pending.remove(reply.xid());
            p.future().complete(List.copyOf(p.parts()));
        }
    }

    private void onInactive() {
        if (!disconnected.compareAndSet(false, true)) {
            return;
        }
        Throwable cause = closeCause != null ? closeCause
                : new OpenFlowDisconnectedException("connection to " + endpoint + " closed");
        closeCause = cause;
        handshake.completeExceptionally(cause);
        List<Pending> failed = new ArrayList<>(pending.values());
        pending.clear();
        for (Pending p : failed) {
            p.future().completeExceptionally(new OpenFlowDisconnectedException(
                    "connection to " + endpoint + " closed before reply to " + p.description()));
        }
        for (Consumer<Throwable> l : disconnectListeners) {
            try {
                l.accept(cause);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "disconnect listener failed", e);
            }
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private void onIdle() {
        if (echoOutstanding) {
            closeCause = new OpenFlowDisconnectedException(endpoint + " did not answer an echo request");
            LOG.log(System.Logger.Level.WARNING, closeCause.getMessage());
            channel.close();
            return;
        }
        echoOutstanding = true;
        echo().whenComplete((ok, err) -> channel.eventLoop().execute(() -> echoOutstanding = false));
    }

    /** Dispatches inbound messages on the event loop. */
    private final class Inbound extends SimpleChannelInboundHandler<OfMessage> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, OfMessage msg) {
            switch (msg.type()) {
                case OfType.HELLO -> onHello(msg);
                case OfType.ECHO_REQUEST -> write(new OfMessage(msg.version(), OfType.ECHO_REPLY, msg.xid(), msg.body()));
                case OfType.ERROR -> onError(msg);
                case OfType.BARRIER_REPLY -> onBarrierReply(msg);
                default -> onReply(msg);
            }
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            // first on the connection, before anything read from it is handled
            write(OfMessage.of(OfType.HELLO, nextXid(), HelloCodec.encodeOffering13()));
            ctx.fireChannelActive();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                onIdle();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            closeCause = cause;
            LOG.log(System.Logger.Level.WARNING, "OpenFlow connection to " + endpoint + " failed", cause);
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            onInactive();
        }
    }
}
