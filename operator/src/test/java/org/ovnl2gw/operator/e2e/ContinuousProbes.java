package org.ovnl2gw.operator.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.PcapFile;
import org.ovnl2gw.testbed.SeedTopology;

/**
 * Numbered unicast probes through the gateway in both directions, every {@code intervalMillis}, on a thread of
 * their own: vif1 (overlay) to vif3 (physical network) and vif3 to vif1. Afterwards it tells which probes arrived,
 * how many times each, and when the first probe sent after a given moment arrived, per direction.
 */
final class ContinuousProbes implements AutoCloseable {
    private static final String ETHERTYPE = "88b5"; // local experimental: nothing else sends it
    private static final String VIF1 = "f00000000001";
    private static final String VIF3 = "f00000000003";

    /** One direction of probing: its prefix, sender and receiver capture. */
    enum Direction {
        TO_PHYSICAL("a1"), TO_OVERLAY("b2");

        final String tag;

        Direction(String tag) {
            this.tag = tag;
        }
    }

    /** Each instance's frames carry its own number: captures outlive an instance, and its sequence starts at 1. */
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final SeedTopology topology;
    private final long intervalMillis;
    private final String instance = String.format("%04x", INSTANCES.incrementAndGet() & 0xffff);
    private final Map<Direction, Map<Integer, Long>> sentAt = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    ContinuousProbes(SeedTopology topology, long intervalMillis) {
        this.topology = topology;
        this.intervalMillis = intervalMillis;
        for (Direction d : Direction.values()) {
            sentAt.put(d, new ConcurrentHashMap<>());
        }
        thread = new Thread(this::run, "probes");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        int seq = 0;
        while (running) {
            seq++;
            long now = System.nanoTime();
            try {
                sentAt.get(Direction.TO_PHYSICAL).put(seq, now);
                topology.hypervisor(1).appctl("netdev-dummy/receive", "vif1", frame(VIF3, VIF1, Direction.TO_PHYSICAL, seq));
                sentAt.get(Direction.TO_OVERLAY).put(seq, now);
                topology.hypervisor(3).appctl("netdev-dummy/receive", "vif3", frame(VIF1, VIF3, Direction.TO_OVERLAY, seq));
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a failing appctl (the host is being restarted) is a lost probe, counted as such
            }
        }
    }

    private String frame(String dst, String src, Direction d, int seq) {
        return dst + src + ETHERTYPE + d.tag + instance + String.format("%08x", seq);
    }

    private Path capture(Direction d) {
        OvsHost receiver = d == Direction.TO_PHYSICAL ? topology.hypervisor(3) : topology.hypervisor(1);
        String vif = d == Direction.TO_PHYSICAL ? "vif3" : "vif1";
        return receiver.rundir().resolve(vif + "-tx.pcap");
    }

    /** Arrival counts by probe number (probes never seen are absent). */
    Map<Integer, Integer> arrivals(Direction d) {
        Map<Integer, Integer> counts = new HashMap<>();
        String marker = ETHERTYPE + d.tag + instance;
        for (String f : PcapFile.frames(capture(d))) {
            int at = f.indexOf(marker, 24);
            if (at == 24) {
                int seq = Integer.parseInt(f.substring(at + marker.length(), at + marker.length() + 8), 16);
                counts.merge(seq, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Probe numbers sent so far in one direction, ascending. */
    List<Integer> sent(Direction d) {
        List<Integer> seqs = new ArrayList<>(sentAt.get(d).keySet());
        seqs.sort(null);
        return seqs;
    }

    /** Milliseconds from {@code since} (nanoTime) to the sending of the first probe after it that arrived. */
    long firstDeliveredAfter(Direction d, long since) {
        Map<Integer, Integer> arrived = arrivals(d);
        return sent(d).stream().filter(s -> sentAt.get(d).get(s) >= since && arrived.containsKey(s)).findFirst()
                .map(s -> (sentAt.get(d).get(s) - since) / 1_000_000).orElse(-1L);
    }

    /** Probes sent between two moments that never arrived; call a second after {@code until} at the earliest. */
    long lostBetween(Direction d, long from, long until) {
        Map<Integer, Integer> arrived = arrivals(d);
        return sent(d).stream().filter(s -> sentAt.get(d).get(s) >= from && sentAt.get(d).get(s) <= until
                && !arrived.containsKey(s)).count();
    }

    /**
     * The longest time, in ms, between the sending of two consecutive delivered probes sent from {@code from} to
     * {@code until} (from {@code from} itself to the first delivered one): the outage, whatever the send rate.
     */
    long longestGapMs(Direction d, long from, long until) {
        Map<Integer, Integer> arrived = arrivals(d);
        long last = from;
        long longest = 0;
        for (int s : sent(d)) {
            long at = sentAt.get(d).get(s);
            if (at >= from && at <= until && arrived.containsKey(s)) {
                longest = Math.max(longest, at - last);
                last = at;
            }
        }
        return longest / 1_000_000;
    }

    /** Probes that arrived more than once. */
    List<Integer> duplicates(Direction d) {
        return arrivals(d).entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
    }

    /** Waits until the probes sent so far have had time to arrive, then stops. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
        Thread.sleep(500);
    }
}
