package org.ovnl2gw.testbed;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Wakes one simulated host's {@code ovs-vswitchd} main thread every {@link #TICK_MS} with a unixctl request
 * ({@code version}, through {@link UnixCtl}), so that a frame it queued goes out within a tick: a kernel or DPDK
 * datapath sends it at once.
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
    private volatile UnixCtl connection;

    MainLoopTicker(String hostName, Supplier<Path> controlSocket) {
        this.controlSocket = controlSocket;
        this.thread = new Thread(this::run, "main-loop-ticker-" + hostName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(TICK_MS);
                if (connection == null) {
                    connection = UnixCtl.connect(controlSocket.get());
                }
                connection.call("version");
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                disconnect(); // the switch is gone or restarting: find its socket again on the next tick
            }
        }
        disconnect();
    }

    private void disconnect() {
        UnixCtl c = connection;
        connection = null;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        disconnect(); // ends a call blocked on a paused switch
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
