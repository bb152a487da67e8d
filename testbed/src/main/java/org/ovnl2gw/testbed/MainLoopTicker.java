package org.ovnl2gw.testbed;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Wakes one simulated host's {@code ovs-vswitchd} main thread every {@link #TICK_MS} with a unixctl request
 * ({@code version}), so that a frame it queued goes out within a tick: a kernel or DPDK datapath sends it at once.
 *
 * <p>Why: on the dummy datapath a frame that a thread other than the main one sends, such as BFD's control
 * packets from the monitor thread, is only queued on the simulated wire; the main thread writes the queue out
 * the next time it wakes, and an idle switch wakes about every 500 ms. Measured on the failover bed
 * (2026-12-02, captures on both ends of each gateway's underlay link): an idle gateway's BFD packets, sent every
 * 150-200 ms, reached the underlay switch in bunches up to 600 ms apart, so BFD's 3 x 200 ms detection time
 * expired on a healthy link now and then (both gateways at once, since each one's queue is flushed when the
 * other's packets wake it) and a standby took over from a gateway whose agent had only died: 4 of 120 agent
 * deaths. With the tick: 0 of 80, the longest gap 291 ms, well inside BFD's detection time.
 *
 * <p>One request at a time: the next goes when the reply to the last has come, so a paused switch is not
 * flooded. The control socket is found again after each failure (the switch restarted under a new pid), and
 * the thread ends with {@link #close}.
 */
final class MainLoopTicker implements AutoCloseable {
    static final long TICK_MS = 100;

    private final Supplier<Path> controlSocket;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile SocketChannel channel;

    MainLoopTicker(String hostName, Supplier<Path> controlSocket) {
        this.controlSocket = controlSocket;
        this.thread = new Thread(this::run, "main-loop-ticker-" + hostName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long id = 0;
        ByteBuffer reply = ByteBuffer.allocate(4096);
        while (running) {
            try {
                Thread.sleep(TICK_MS);
                if (channel == null) {
                    SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
                    channel = c;
                    c.connect(UnixDomainSocketAddress.of(controlSocket.get()));
                }
                id++;
                String request = "{\"id\":" + id + ",\"method\":\"version\",\"params\":[]}";
                ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
                while (out.hasRemaining()) {
                    channel.write(out);
                }
                awaitReply(reply);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                closeChannel(); // the switch is gone or restarting: find its socket again on the next tick
            }
        }
    }

    /** Reads until one whole JSON object has arrived (the reply; unixctl sends nothing unasked). */
    private void awaitReply(ByteBuffer buffer) throws IOException {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        boolean started = false;
        while (true) {
            buffer.clear();
            if (channel.read(buffer) < 0) {
                throw new IOException("control socket closed");
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                char c = (char) buffer.get();
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (c == '\\') {
                        escaped = true;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{') {
                    depth++;
                    started = true;
                } else if (c == '}' && --depth == 0 && started) {
                    return;
                }
            }
        }
    }

    private void closeChannel() {
        SocketChannel c = channel;
        channel = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing a broken socket
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        closeChannel(); // unblocks a read from a paused switch
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
