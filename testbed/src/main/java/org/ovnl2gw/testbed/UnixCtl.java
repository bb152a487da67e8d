package org.ovnl2gw.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code ovs-appctl} without a process per call: JSON-RPC on a daemon's unixctl socket
 * ({@code <rundir>/<daemon>.<pid>.ctl}). Benchmark probes go through it every few milliseconds, which as
 * {@code ovs-appctl} processes would cost the measured daemons a good part of the machine, and
 * {@link MainLoopTicker} every 100 ms. {@link #close} may come from another thread: it ends a call blocked on a
 * daemon that does not answer (paused).
 */
public final class UnixCtl implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SocketChannel channel;
    private final OutputStream out;
    private final InputStream in;
    private MappingIterator<JsonNode> replies;
    private long nextId;

    private UnixCtl(SocketChannel channel) {
        this.channel = channel;
        this.out = Channels.newOutputStream(channel);
        this.in = Channels.newInputStream(channel);
    }

    public static UnixCtl connect(Path socket) {
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            return new UnixCtl(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + socket, e);
        }
    }

    /** Runs one command and returns its text; fails with the daemon's error. */
    public synchronized String call(String method, String... params) {
        ObjectNode request = JSON.createObjectNode().put("method", method).put("id", ++nextId);
        var array = request.putArray("params");
        for (String p : params) {
            array.add(p);
        }
        try {
            out.write(JSON.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (replies == null) {
                // made at the first reply: Jackson reads the first token as it makes the iterator
                replies = JSON.readerFor(JsonNode.class).readValues(in);
            }
            JsonNode reply = replies.next();
            if (reply.hasNonNull("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error").asText());
            }
            return reply.path("result").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " on the unixctl socket", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
    }
}
