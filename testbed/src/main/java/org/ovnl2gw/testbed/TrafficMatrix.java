package org.ovnl2gw.testbed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The seed test's send/expect matrix, one frame at a time so that every case says exactly which VIFs
 * received what: from each of vif1 (hv1), vif2 (hv2) and vif3 (hv3, on the physical network), a unicast
 * to each VIF, a broadcast, a multicast and an unknown unicast. Unicast reaches exactly its destination;
 * broadcast and multicast reach every other VIF; unknown unicast reaches only the VIFs behind the gateway
 * (vif3). Two more cases check the gateway's VLAN handling on the physical side: a frame from another
 * VLAN must not enter the logical switch, and (untagged gateways) a priority-tagged frame must.
 */
public final class TrafficMatrix {
    private static final long DELIVERY_DEADLINE_MS = 4000;
    private static final long SETTLE_MS = 250;

    private final SeedTopology topology;

    public TrafficMatrix(SeedTopology topology) {
        this.topology = topology;
    }

    /** One case's outcome. {@code vlanNote} lists the tags seen on the physical network, when checked. */
    public record CaseResult(String from, String kind, String dst, Set<Integer> expected, Set<Integer> got,
                             boolean pass, String detail) {
    }

    /** Runs all cases; {@code vlan} is the gateway's VLAN (0: untagged). */
    public List<CaseResult> run(int vlan) {
        List<CaseResult> results = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            Set<Integer> bcast = new TreeSet<>();
            Set<Integer> unknown = new TreeSet<>();
            for (int d = 1; d <= 3; d++) {
                Set<Integer> unicast = d != s ? Set.of(d) : Set.of();
                results.add(send(s, "vif" + s, mac(d), mac(s), "00" + s + d, "unicast->vif" + d, unicast, vlan));
                if (d != s && d == 3) {
                    unknown.add(d);
                }
                bcast.addAll(unicast);
            }
            results.add(send(s, "vif" + s, "ffffffffffff", mac(s), "0" + s + "ff", "broadcast", bcast, vlan));
            results.add(send(s, "vif" + s, "010000000000", mac(s), "0" + s + "ff", "multicast", bcast, vlan));
            results.add(send(s, "vif" + s, "f0000000ffff", mac(s), "0" + s + "66", "unknown-unicast", unknown, vlan));
        }
        results.add(otherVlanStaysOut());
        if (vlan == 0) {
            results.add(priorityTaggedEnters());
        }
        return results;
    }

    private static String mac(int n) {
        return "f0000000000" + n;
    }

    private CaseResult send(int host, String vif, String dst, String src, String ethType, String kind,
                            Set<Integer> expected, int vlan) {
        String frame = dst + src + ethType;
        Map<Integer, Integer> before = counts();
        Map<Path, Integer> physicalBefore = physicalCounts();
        topology.hypervisor(host).appctl("netdev-dummy/receive", vif, frame);
        Map<Integer, List<String>> received = awaitDeliveries(before, expected);
        Set<Integer> got = new TreeSet<>(received.keySet());
        StringBuilder detail = new StringBuilder();
        boolean pass = got.equals(expected);
        for (Map.Entry<Integer, List<String>> e : received.entrySet()) {
            if (e.getValue().size() != 1) {
                pass = false;
                detail.append(" vif").append(e.getKey()).append(" got ").append(e.getValue().size()).append(" copies");
            } else if (!e.getValue().get(0).equals(frame)) {
                pass = false;
                detail.append(" vif").append(e.getKey()).append(" got a changed frame ").append(e.getValue().get(0));
            }
        }
        if (vlan != 0) {
            String tag = String.format("8100%04x", vlan);
            for (Map.Entry<Path, Integer> e : physicalBefore.entrySet()) {
                List<String> frames = PcapFile.frames(e.getKey());
                for (String f : frames.subList(Math.min(e.getValue(), frames.size()), frames.size())) {
                    if (f.length() < 32 || !f.substring(24, 32).equals(tag)) {
                        pass = false;
                        detail.append(" untagged frame on the physical network: ").append(f);
                    }
                }
            }
        }
        return new CaseResult("vif" + host, kind, dst, expected, got, pass, detail.toString().strip());
    }

    private CaseResult otherVlanStaysOut() {
        String frame = "ffffffffffff" + "f00000000004" + "0044";
        Map<Integer, Integer> before = counts();
        topology.hypervisor(3).appctl("netdev-dummy/receive", "vif4", frame);
        Map<Integer, List<String>> received = awaitDeliveries(before, Set.of());
        Set<Integer> got = new TreeSet<>(received.keySet());
        got.remove(3); // vif3 may share hv3's bridge with vif4 when both are untagged trunks
        return new CaseResult("vif4(vlan " + SeedTopology.OTHER_VLAN + ")", "other-vlan-broadcast", "ffffffffffff",
                Set.of(), got, got.isEmpty(), "");
    }

    private CaseResult priorityTaggedEnters() {
        String untagged = mac(1) + "f00000000003" + "0031";
        String priorityTagged = mac(1) + "f00000000003" + "81000000" + "0031";
        Map<Integer, Integer> before = counts();
        topology.hypervisor(3).appctl("netdev-dummy/receive", "vif3", priorityTagged);
        Map<Integer, List<String>> received = awaitDeliveries(before, Set.of(1));
        Set<Integer> got = new TreeSet<>(received.keySet());
        boolean pass = got.equals(Set.of(1)) && received.get(1).size() == 1 && received.get(1).get(0).equals(untagged);
        return new CaseResult("vif3(vlan 0 tag)", "priority-tagged", mac(1), Set.of(1), got, pass,
                pass ? "" : "received " + received);
    }

    private Map<Integer, Integer> counts() {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            counts.put(i, PcapFile.frames(vifPcap(i)).size());
        }
        return counts;
    }

    private Map<Path, Integer> physicalCounts() {
        Map<Path, Integer> counts = new LinkedHashMap<>();
        for (OvsHost gw : topology.gateways()) {
            for (Path p : List.of(topology.physical().framesFrom(gw, topology.physicalBridge()),
                    topology.physical().framesTo(gw, topology.physicalBridge()))) {
                counts.put(p, PcapFile.frames(p).size());
            }
        }
        return counts;
    }

    private Path vifPcap(int n) {
        return topology.hypervisor(n).rundir().resolve("vif" + n + "-tx.pcap");
    }

    /** Waits until every expected VIF got something (or the deadline), then a little more for extras. */
    private Map<Integer, List<String>> awaitDeliveries(Map<Integer, Integer> before, Set<Integer> expected) {
        long deadline = System.currentTimeMillis() + (expected.isEmpty() ? SETTLE_MS * 2 : DELIVERY_DEADLINE_MS);
        Map<Integer, List<String>> received = newFrames(before);
        while (!received.keySet().containsAll(expected) && System.currentTimeMillis() < deadline) {
            sleep(20);
            received = newFrames(before);
        }
        sleep(SETTLE_MS);
        return newFrames(before);
    }

    private Map<Integer, List<String>> newFrames(Map<Integer, Integer> before) {
        Map<Integer, List<String>> received = new LinkedHashMap<>();
        for (Map.Entry<Integer, Integer> e : before.entrySet()) {
            List<String> frames = PcapFile.frames(vifPcap(e.getKey()));
            if (frames.size() > e.getValue()) {
                List<String> fresh = new ArrayList<>(frames.subList(e.getValue(), frames.size()));
                fresh.removeIf(TrafficMatrix::isAnnouncement);
                if (!fresh.isEmpty()) {
                    received.put(e.getKey(), fresh);
                }
            }
        }
        return received;
    }

    /**
     * A RARP the gateway sends after it starts serving a port, to move the switch's MACs behind it on the
     * physical network (untagged or tagged): not one of the matrix's frames.
     */
    public static boolean isAnnouncement(String frame) {
        return frame.startsWith("8035", 24) || (frame.startsWith("8100", 24) && frame.startsWith("8035", 32));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestbedException("interrupted", e);
        }
    }

    /** The results as a table a person can read, with a closing "N passed, N failed" line. */
    public static String table(List<CaseResult> results) {
        StringBuilder out = new StringBuilder(String.format("%-4s  %-18s %-20s %-14s %-10s %-10s %s%n",
                "", "from", "frame", "dst", "expected", "got", "detail"));
        int passed = 0;
        for (CaseResult r : results) {
            passed += r.pass() ? 1 : 0;
            out.append(String.format("%-4s  %-18s %-20s %-14s %-10s %-10s %s%n", r.pass() ? "ok" : "FAIL", r.from(),
                    r.kind(), r.dst(), vifs(r.expected()), vifs(r.got()), r.detail()));
        }
        out.append(String.format("traffic: %d of %d cases as expected%n", passed, results.size()));
        return out.toString();
    }

    private static String vifs(Set<Integer> set) {
        return set.isEmpty() ? "-" : String.join(",", set.stream().map(i -> "vif" + i).toList());
    }

    public static boolean allPassed(List<CaseResult> results) {
        return results.stream().allMatch(CaseResult::pass);
    }
}
