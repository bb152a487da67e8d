package org.ovnl2gw.agent;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.PcapFile;
import org.ovnl2gw.testbed.TrafficMatrix;

/**
 * Sends one frame from a VIF and tells which VIFs received it, by the {@code tx_pcap} file every VIF of
 * these tests writes ({@code <rundir>/<vif>-tx.pcap}, as SeedTopology sets it up). Works for any VIF on
 * any simulated host, so tests can build topologies beyond the seed's matrix.
 */
final class FrameProbe {
    private static final long DELIVERY_DEADLINE_MS = 4000;
    private static final long SETTLE_MS = 250;

    private FrameProbe() {
    }

    /** A VIF: an interface on a simulated host whose transmitted frames are captured. */
    record Vif(OvsHost host, String port) {
        Path txPcap() {
            return host.rundir().resolve(port + "-tx.pcap");
        }

        /** Adds the VIF to {@code bridge} with capture files (and more {@code ovs-vsctl set Interface} args). */
        static Vif add(OvsHost host, String bridge, String port, String... interfaceSettings) {
            String[] args = new String[8 + interfaceSettings.length];
            String[] base = {"add-port", bridge, port, "--", "set", "Interface", port,
                    "options:tx_pcap=" + host.rundir().resolve(port + "-tx.pcap")};
            System.arraycopy(base, 0, args, 0, base.length);
            System.arraycopy(interfaceSettings, 0, args, base.length, interfaceSettings.length);
            host.vsctl(args);
            return new Vif(host, port);
        }

        void receive(String frameHex) {
            host.appctl("netdev-dummy/receive", port, frameHex);
        }

        @Override
        public String toString() {
            return host.name() + "/" + port;
        }
    }

    /**
     * Injects {@code frame} at {@code from} and returns the new frames each watched VIF transmitted: waits
     * until every {@code expected} VIF got something (or a deadline), then a little longer for extras.
     */
    static Map<Vif, List<String>> send(Vif from, String frame, Collection<Vif> watched, Set<Vif> expected) {
        Map<Vif, Integer> before = counts(watched);
        from.receive(frame);
        long deadline = System.currentTimeMillis() + (expected.isEmpty() ? 2 * SETTLE_MS : DELIVERY_DEADLINE_MS);
        while (!received(before).keySet().containsAll(expected) && System.currentTimeMillis() < deadline) {
            sleep(20);
        }
        sleep(SETTLE_MS);
        return received(before);
    }

    /** One quick attempt: does {@code frame} sent at {@code from} reach {@code to} within a short while? */
    static boolean crosses(Vif from, String frame, Vif to) {
        int before = frames(to).size();
        from.receive(frame);
        long deadline = System.currentTimeMillis() + 1000;
        while (System.currentTimeMillis() < deadline) {
            if (frames(to).size() > before) {
                return true;
            }
            sleep(20);
        }
        return false;
    }

    private static Map<Vif, Integer> counts(Collection<Vif> vifs) {
        Map<Vif, Integer> counts = new LinkedHashMap<>();
        vifs.forEach(v -> counts.put(v, frames(v).size()));
        return counts;
    }

    private static Map<Vif, List<String>> received(Map<Vif, Integer> before) {
        Map<Vif, List<String>> got = new LinkedHashMap<>();
        before.forEach((vif, count) -> {
            List<String> frames = frames(vif);
            if (frames.size() > count) {
                // a gateway's RARP announcements (after it starts serving a port) are none of the probe's frames
                List<String> fresh = frames.subList(count, frames.size()).stream()
                        .filter(f -> !isAnnouncement(f)).toList();
                if (!fresh.isEmpty()) {
                    got.put(vif, fresh);
                }
            }
        });
        return got;
    }

    /** What a VIF transmitted, less the gateways' MAC announcements (RARPs), which are not the probes' frames. */
    private static List<String> frames(Vif vif) {
        return PcapFile.frames(vif.txPcap()).stream().filter(f -> !TrafficMatrix.isAnnouncement(f)).toList();
    }

    /** A RARP, untagged or 802.1Q-tagged: the gateways' MAC announcements. */
    static boolean isAnnouncement(String frame) {
        return TrafficMatrix.isAnnouncement(frame);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
