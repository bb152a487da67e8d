package org.ovnl2gw.agent.dataplane;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ovnl2gw.agent.openflow.PacketOut;

/**
 * Announces the logical switch's addresses on the physical network after this chassis takes over an
 * l2gateway port, so learning switches there move those MACs behind this gateway at once instead of
 * blackholing unicast to them until their MAC aging (often 300 s) expires. Each address goes out of the
 * port's br-int patch port (so it leaves through the mapped physical bridge), tagged with the port's VLAN,
 * as a RARP or, when its IPv4 address is known, a gratuitous ARP; a series is sent immediately and then
 * after 1, 2, 4, 8 and 16 s, on the announcer's own thread.
 *
 * <p>When to call: {@link #announce} once each time this chassis starts serving a port (a takeover, or
 * the first claim), after the patch port exists and the flows that let the physical network in are
 * installed, with the MACs of every other port of the port's logical switch ({@code Port_Binding.mac},
 * router and virtual ports included); calling it again for the same port restarts its series (a new
 * takeover, or the address list changed). Call {@link #stop} when the port is released or moves to
 * another chassis, so a node that lost the port never announces it, and {@link #close} on shutdown.
 * Neither blocks: they only schedule or cancel work. Send failures (the switch refused, or is not
 * reachable) never stop a series; they go to the problem report given at construction, rate-limited there.
 */
public final class MacAnnouncer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MacAnnouncer.class.getName());

    /**
     * Delay before each send, counted from the previous one: at 0, 1, 3, 7, 15 and 31 s. ovn-controller
     * 23.03 sends its five localnet announcements 1, 3, 7, 15 and 31 s after a port appears; a takeover
     * must not wait that first second, so we add a send at once and keep OVN's doubling to 16 s.
     */
    public static final List<Duration> BACKOFF = List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16));

    /**
     * Puts packet outs on the switch; the future completes when the switch has accepted them or fails.
     * It must not block: it is called with the announcer's lock held.
     */
    @FunctionalInterface
    public interface PacketSender {
        CompletableFuture<Void> send(List<PacketOut> packets);
    }

    /** Runs tasks later; the real one is a single daemon thread, tests use a manual clock. */
    interface Scheduler {
        Cancellable schedule(Runnable task, long delayMillis);

        void shutdown();
    }

    interface Cancellable {
        void cancel();
    }

    private final PacketSender sender;
    private final Scheduler scheduler;
    private final List<Duration> backoff;
    private final Consumer<Map<String, String>> problemReport;
    private final AutoCloseable ownedSender;
    private final Map<String, Series> series = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();
    private boolean closed;

    /**
     * An announcer on its own OpenFlow connection to {@code bridge}'s management socket in {@code rundir}
     * (connected on first use, reconnected after a failure), so it never shares a session with the
     * reconcile thread's {@link FlowManager}.
     *
     * @param problemReport given the current failures (key: port, value: message) after each outcome;
     *                      the agent passes its rate-limited problem log's {@code report}
     */
    public static MacAnnouncer forBridge(Path rundir, String bridge, Consumer<Map<String, String>> problemReport) {
        OpenFlowPacketSender sender = new OpenFlowPacketSender(rundir.resolve(bridge + ".mgmt"));
        return new MacAnnouncer(sender, threadScheduler(), BACKOFF, problemReport, sender);
    }

    /** An announcer sending through {@code sender}, on its own scheduler thread. */
    public MacAnnouncer(PacketSender sender, Consumer<Map<String, String>> problemReport) {
        this(sender, threadScheduler(), BACKOFF, problemReport, null);
    }

    MacAnnouncer(PacketSender sender, Scheduler scheduler, List<Duration> backoff,
                 Consumer<Map<String, String>> problemReport, AutoCloseable ownedSender) {
        if (backoff.isEmpty()) {
            throw new IllegalArgumentException("a series has at least one send");
        }
        this.sender = Objects.requireNonNull(sender, "sender");
        this.scheduler = scheduler;
        this.backoff = List.copyOf(backoff);
        this.problemReport = Objects.requireNonNull(problemReport, "problemReport");
        this.ownedSender = ownedSender;
    }

    /**
     * Starts (or restarts) the announcement series of {@code logicalPort}: {@code announcements} out of
     * br-int port {@code patchOfport}, tagged {@code tag} (0: untagged). An empty list just stops any
     * series of the port. Returns at once.
     *
     * @throws IllegalArgumentException for an ofport that cannot be a patch port or a tag outside 0..4094
     * @throws IllegalStateException after {@link #close}
     */
    public void announce(String logicalPort, long patchOfport, int tag, List<Announcement> announcements) {
        Objects.requireNonNull(logicalPort, "logicalPort");
        List<PacketOut> packets = AnnouncementPackets.packetOuts(patchOfport, tag, announcements);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the MAC announcer is closed");
            }
            cancel(logicalPort);
            if (packets.isEmpty()) {
                return;
            }
            Series s = new Series(logicalPort, patchOfport, tag, packets);
            series.put(logicalPort, s);
            s.next = scheduler.schedule(() -> send(s), backoff.get(0).toMillis());
        }
        LOG.info(() -> "announcing " + addresses(announcements.size()) + " of " + logicalPort + " out of ofport "
                + patchOfport + (tag == 0 ? " untagged" : " on VLAN " + tag) + ": " + backoff.size() + " sends over "
                + backoff.stream().mapToLong(Duration::toSeconds).sum() + " s");
    }

    /** Stops the series of {@code logicalPort}, if any: nothing more of it is sent once this returns. */
    public void stop(String logicalPort) {
        boolean stopped;
        synchronized (this) {
            stopped = cancel(logicalPort);
        }
        if (stopped) {
            LOG.info(() -> "stopped announcing " + logicalPort);
        }
    }

    /** The ports whose series has sends still to come. */
    public synchronized Set<String> announcing() {
        return Set.copyOf(series.keySet());
    }

    /** Stops every series and the scheduler thread, and closes the OpenFlow connection it opened. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (String port : Set.copyOf(series.keySet())) {
                cancel(port);
            }
        }
        scheduler.shutdown();
        if (ownedSender != null) {
            try {
                ownedSender.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing the announcer's sender", e);
            }
        }
    }

    /**
     * Cancels the port's series and forgets its failure (a failed last send stays reported until then, or
     * until a later series gets through); true if a series was running. Holds the lock.
     */
    private boolean cancel(String logicalPort) {
        Series old = series.remove(logicalPort);
        if (old != null) {
            old.cancelled = true;
            if (old.next != null) {
                old.next.cancel();
            }
        }
        if (failures.remove(logicalPort) != null) {
            problemReport.accept(Map.copyOf(failures));
        }
        return old != null;
    }

    private void send(Series s) {
        int attempt;
        CompletableFuture<Void> sent;
        synchronized (this) {
            if (s.cancelled) {
                return; // stopped or restarted after this send was scheduled
            }
            attempt = ++s.sent;
            if (attempt < backoff.size()) {
                s.next = scheduler.schedule(() -> send(s), backoff.get(attempt).toMillis());
            } else {
                series.remove(s.logicalPort);
            }
            // Under the lock, so that nothing is sent once stop() returns; the sender only queues.
            try {
                sent = sender.send(s.packets);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
        }
        sent.whenComplete((ok, error) -> outcome(s, attempt, error));
    }

    private synchronized void outcome(Series s, int attempt, Throwable error) {
        if (s.cancelled) {
            return; // stopped or restarted meanwhile: cancel() cleared its failure, a newer series reports for itself
        }
        String previous;
        if (error == null) {
            previous = failures.remove(s.logicalPort);
            LOG.fine(() -> "announced " + addresses(s.packets.size()) + " of " + s.logicalPort + ", send " + attempt
                    + " of " + backoff.size());
        } else {
            previous = failures.put(s.logicalPort, "cannot announce " + addresses(s.packets.size()) + " of "
                    + s.logicalPort + " out of ofport " + s.ofport + (s.tag == 0 ? "" : " on VLAN " + s.tag)
                    + " (send " + attempt + " of " + backoff.size() + "): " + rootMessage(error));
        }
        if (error != null || previous != null) {
            problemReport.accept(Map.copyOf(failures));
        }
    }

    private static String addresses(int n) {
        return n + (n == 1 ? " address" : " addresses");
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static Scheduler threadScheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mac-announcer");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return new Scheduler() {
            @Override
            public Cancellable schedule(Runnable task, long delayMillis) {
                ScheduledFuture<?> f = executor.schedule(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "announcement task failed", e);
                    }
                }, delayMillis, TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            }

            @Override
            public void shutdown() {
                executor.shutdownNow();
            }
        };
    }

    /** One port's series; its mutable fields are guarded by the announcer's lock. */
    private static final class Series {
        final String logicalPort;
        final long ofport;
        final int tag;
        final List<PacketOut> packets;
        int sent;
        boolean cancelled;
        Cancellable next;

        Series(String logicalPort, long ofport, int tag, List<PacketOut> packets) {
            this.logicalPort = logicalPort;
            this.ofport = ofport;
            this.tag = tag;
            this.packets = packets;
        }
    }
}
