package org.ovnl2gw.agent.bench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalLong;

/**
 * One stream of numbered probe frames from the physical host to one VIF behind the gateway (optionally on a
 * VLAN), or the other way, from a VIF to the physical host, and when each was sent and whether it arrived. A
 * frame's send time is when it was injected at the sending host; the dummy datapath carries it to the receiver
 * within a fraction of a millisecond, so "the first
 * probe that crossed" dates the moment the gateway forwarded, to within one probe interval.
 */
final class ProbeLane {
    private static final String ETHERTYPE = "88b5"; // IEEE local experimental
    private static final String SOURCE_MAC = "f00000000003"; // vif3, the physical host
    private final String name;
    private final int id;
    private final String dstMac;
    private final String sourceMac;
    private final int vlan;
    private final PcapTail receiver;
    private final List<Long> sent = new ArrayList<>();
    private final BitSet crossed = new BitSet();
    private long lastCrossingNanos;

    /** {@code dstMac} as 12 hex digits; {@code vlan} 0 for untagged. */
    ProbeLane(String name, int id, String dstMac, int vlan, PcapTail receiver) {
        this(name, id, SOURCE_MAC, dstMac, vlan, receiver);
    }

    /** A lane sent from {@code sourceMac} (12 hex digits), received in {@code receiver}'s capture. */
    ProbeLane(String name, int id, String sourceMac, String dstMac, int vlan, PcapTail receiver) {
        this.name = name;
        this.id = id;
        this.sourceMac = sourceMac;
        this.dstMac = dstMac;
        this.vlan = vlan;
        this.receiver = receiver;
    }

    String name() {
        return name;
    }

    /** Forgets earlier probes and frames: a new measurement starts. */
    synchronized void reset() {
        sent.clear();
        crossed.clear();
        lastCrossingNanos = 0;
        receiver.atEnd();
    }

    /** The next probe's frame, its send time recorded now. */
    synchronized String nextFrame() {
        int seq = sent.size();
        sent.add(System.nanoTime());
        String tag = vlan == 0 ? "" : String.format("8100%04x", vlan);
        return dstMac + sourceMac + tag + ETHERTYPE + marker() + String.format("%08x", seq) + "00".repeat(32);
    }

    /** Reads what the VIF received since the last call and marks the probes among it. */
    synchronized void collect() {
        String marker = ETHERTYPE + marker();
        for (String frame : receiver.next()) {
            int at = frame.indexOf(marker);
            if (at == 24 || at == 32) {
                int seq = Integer.parseInt(frame.substring(at + marker.length(), at + marker.length() + 8), 16);
                if (seq < sent.size()) {
                    crossed.set(seq);
                    lastCrossingNanos = System.nanoTime();
                }
            }
        }
    }

    private String marker() {
        return String.format("0b3c%04x", id);
    }

    /** The send time of the first probe that crossed, if one has. */
    synchronized OptionalLong firstCrossing() {
        int first = crossed.nextSetBit(0);
        return first < 0 ? OptionalLong.empty() : OptionalLong.of(sent.get(first));
    }

    /** When a probe was last seen arriving (0: none yet). */
    synchronized long lastCrossingSeenNanos() {
        return lastCrossingNanos;
    }

    /**
     * The send time of the first probe after the last one that crossed: when frames stopped crossing. Empty
     * while no probe was sent after the last crossing one.
     */
    synchronized OptionalLong stoppedCrossing() {
        int last = crossed.length() - 1;
        return last + 1 < sent.size() ? OptionalLong.of(sent.get(last + 1)) : OptionalLong.empty();
    }

    synchronized int crossedCount() {
        return crossed.cardinality();
    }
}
