package org.ovnl2gw.agent.bench;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.ovnl2gw.testbed.UnixCtl;

/**
 * Sends one probe per lane every interval through the physical host's unixctl socket and, between sends,
 * reads the VIFs' captures every millisecond. Runs on its own thread from {@link #start} to {@link #close}.
 */
final class Prober implements AutoCloseable {
    private final UnixCtl physicalHost;
    private final String port;
    private final List<ProbeLane> lanes;
    private final long intervalNanos;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private Prober(UnixCtl physicalHost, String port, List<ProbeLane> lanes, int intervalMillis) {
        this.physicalHost = physicalHost;
        this.port = port;
        this.lanes = List.copyOf(lanes);
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.thread = new Thread(this::loop, "prober");
        this.thread.setDaemon(true);
    }

    /** Resets the lanes and starts probing them, injecting at {@code port} of the physical host. */
    static Prober start(UnixCtl physicalHost, String port, List<ProbeLane> lanes, int intervalMillis) {
        lanes.forEach(ProbeLane::reset);
        Prober prober = new Prober(physicalHost, port, lanes, intervalMillis);
        prober.thread.start();
        return prober;
    }

    private void loop() {
        try {
            while (running) {
                long next = System.nanoTime() + intervalNanos;
                for (ProbeLane lane : lanes) {
                    physicalHost.call("netdev-dummy/receive", port, lane.nextFrame());
                }
                while (running && System.nanoTime() < next) {
                    lanes.forEach(ProbeLane::collect);
                    LockSupport.parkNanos(1_000_000);
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** Fails the caller when the probe thread has failed (say, the physical host's daemon died). */
    void check() {
        if (failure != null) {
            throw new IllegalStateException("probing failed: " + failure.getMessage(), failure);
        }
    }

    /** Stops sending, then collects for a little longer so frames still in flight are counted. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lanes.forEach(ProbeLane::collect);
    }
}
