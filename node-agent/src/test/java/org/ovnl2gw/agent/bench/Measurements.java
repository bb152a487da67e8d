package org.ovnl2gw.agent.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.ovnl2gw.agent.bench.BenchBed.Gateway;
import org.ovnl2gw.agent.bench.Northbound.GatewayPort;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.SeedTopology;

/**
 * The figures, each taken the same way on both gateways. Clocks start just before the Northbound
 * transaction is sent; "SB" times are when the Southbound monitor saw the binding change; "first frame" is
 * when the first probe that crossed the gateway was sent (to within one probe interval).
 */
final class Measurements {
    private static final long GIVE_UP_NANOS = 60_000_000_000L;
    private static final long QUIET_NANOS = 300_000_000L;
    private static final long RELEASE_WAIT_NANOS = 5_000_000_000L;
    /**
     * The seed switch's l2gateway port, created naming the gateway (bind) and deleted (release) as the
     * operator does for an L2Gateway. Not an option flip on a standing port: ovn-controller 23.03 releases
     * the Southbound binding when the option goes or names a chassis without the network, but keeps the
     * patch ports and, for seconds to minutes, the flows (frames keep crossing; seen here, and
     * {@code ovn-appctl recompute} does not help), so a rep after it would not start clean. Each creation
     * has a new name: a port re-created under a deleted one's name got no frames through ovn-controller.
     */
    private int generation;
    private static final int FIRST_VLAN = 1001;

    private final BenchBed bed;
    private final BenchOptions options;
    private final Samples samples;
    private final Progress progress;
    private final ProbeLane seedLane;
    private final List<GatewayPort> scalePorts = new ArrayList<>();
    private final ProbeLane backLane;
    private ProbeLane firstVlanLane;
    private ProbeLane lastVlanLane;

    Measurements(BenchBed bed, BenchOptions options, Samples samples, Progress progress) {
        this.bed = bed;
        this.options = options;
        this.samples = samples;
        this.progress = progress;
        OvsHost hv1 = bed.topology.hypervisor(1);
        this.seedLane = bed.lane("vif1", 1, "f00000000001", 0, hv1.rundir().resolve("vif1-tx.pcap"));
        // the other way: vif1 to the physical host, an unknown unicast in lsw0 that only the bound gateway carries
        this.backLane = new ProbeLane("vif1->vif3", 3, "f00000000001", "f00000000003", 0,
                new PcapTail(bed.topology.hypervisor(3).rundir().resolve("vif3-tx.pcap")));
    }

    /**
     * Empties both gateways' physical bridges' MAC tables: the agent announces the switch's MACs from gwB,
     * which gwA's br-phys2 (a learning bridge) then places on its physical port, dropping the probes for
     * them there until MAC aging once gwA is the gateway.
     */
    private void flushPhysicalBridges() {
        for (Gateway g : List.of(bed.ovnController, bed.agent)) {
            g.host().appctl("fdb/flush", SeedTopology.PHYSICAL_BRIDGE);
        }
    }

    private List<GatewayPort> nextSeedPort() {
        flushPhysicalBridges();
        return List.of(new GatewayPort(SeedTopology.SWITCH, BenchBed.PORT + "-" + ++generation, 0));
    }

    /** The scale ports under this generation's names. */
    private List<GatewayPort> nextScalePorts() {
        flushPhysicalBridges();
        int g = ++generation;
        return scalePorts.stream().map(p -> new GatewayPort(p.switchName(), p.name() + "-" + g, p.vlan())).toList();
    }

    /** br-int's flows with nothing bound, once the gateways have settled after start. */
    void baselineFlows() {
        for (Gateway gw : List.of(bed.ovnController, bed.agent)) {
            samples.add("flows.0", gw.kind(), 0, settledFlowCount(gw), "flows");
        }
    }

    /** (a) and (b): bind lp-gw by the NB option, see it bound and crossing; remove the option, see it stop. */
    void bindAndRelease(int rep) {
        for (Gateway gw : bed.inOrder(rep)) {
            bed.checkAlive();
            sleepMillis(200);
            List<GatewayPort> seedPort = nextSeedPort();
            try (Prober prober = Prober.start(bed.physicalHost, "vif3", List.of(seedLane), options.probeIntervalMillis());
                 Prober back = Prober.start(bed.overlayHost, "vif1", List.of(backLane), options.probeIntervalMillis())) {
                sleepMillis(20);
                long t0 = System.nanoTime();
                bed.nb.createGatewayPorts(seedPort, bed.nb.options(Optional.of(gw.chassis()), bed.standbyFor(gw, options)));
                long sb = bed.sb.awaitBound(seedPort.get(0).name(), gw.chassis(), t0 + GIVE_UP_NANOS)
                        .orElseThrow(() -> timeout(gw, "SB binding"));
                long frame = awaitFirstCrossing(prober, seedLane, t0, gw);
                long frameBack = awaitFirstCrossing(back, backLane, t0, gw);
                back.close();
                samples.add("bind.frame.back", gw.kind(), rep, ms(frameBack - t0), "ms");
                samples.add("bind.sb", gw.kind(), rep, ms(sb - t0), "ms");
                samples.add("bind.frame", gw.kind(), rep, ms(frame - t0), "ms");
                samples.add("bind.flow", gw.kind(), rep, ms(frame - sb), "ms");
                sleepMillis(500);

                long t1 = System.nanoTime();
                bed.nb.deletePorts(seedPort);
                long released = bed.sb.awaitReleased(seedPort.get(0).name(), gw.chassis(), t1 + GIVE_UP_NANOS)
                        .orElseThrow(() -> timeout(gw, "SB release"));
                // the frames decide, not the patch ports (ovn-controller may keep those of a port it let go)
                boolean stopped = SouthboundBindings.await(t1 + RELEASE_WAIT_NANOS, () ->
                        System.nanoTime() - Math.max(t1, seedLane.lastCrossingSeenNanos()) > QUIET_NANOS).isPresent();
                prober.close();
                samples.add("release.stuck", gw.kind(), rep, stopped ? 0 : 1, "reps");
                double stop = Double.NaN;
                if (stopped) {
                    stop = ms(seedLane.stoppedCrossing().orElseThrow(() -> timeout(gw, "frames to stop")) - t1);
                    samples.add("release.frame", gw.kind(), rep, stop, "ms");
                } else {
                    unstick(gw);
                }
                samples.add("release.sb", gw.kind(), rep, ms(released - t1), "ms");
                progress.say(String.format("rep %d/%d %-14s bind: SB %6.1f ms, first frame %6.1f ms; release: SB %6.1f ms,"
                        + " frames stop %s", rep + 1, options.reps(), gw.kind().label, ms(sb - t0), ms(frame - t0),
                        ms(released - t1), Double.isNaN(stop) ? "NOT within " + RELEASE_WAIT_NANOS / 1_000_000_000L
                                + " s (patch ports " + gw.patchPorts().count() + ")" : String.format("%6.1f ms", stop)));
            }
        }
    }

    /** (d, e, f) with one port: lp-gw bound to each gateway in turn, settled; flows, RSS, idle CPU. */
    void footprintOnePort() {
        for (Gateway gw : List.of(bed.ovnController, bed.agent)) {
            List<GatewayPort> seedPort = nextSeedPort();
            bed.nb.createGatewayPorts(seedPort, bed.nb.options(Optional.of(gw.chassis()), bed.standbyFor(gw, options)));
            try (Prober prober = Prober.start(bed.physicalHost, "vif3", List.of(seedLane), options.probeIntervalMillis())) {
                awaitFirstCrossing(prober, seedLane, System.nanoTime(), gw);
            }
            footprint(gw, "1", 0);
            bed.nb.deletePorts(seedPort);
            sleepMillis(1000);
        }
    }

    /** The scale switches (one per VLAN) and the VIFs on hv1 behind the first and the last. */
    void createScaleSwitches() {
        int n = options.scalePorts();
        Map<String, Map<String, String>> switches = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
            String sw = "ls-v" + i;
            switches.put(sw, i == 1 || i == n ? Map.of("vif-v" + i, vifMac(i, ":")) : Map.of());
            scalePorts.add(new GatewayPort(sw, "l2gw-v" + i, FIRST_VLAN - 1 + i));
        }
        bed.nb.createSwitches(switches);
        OvsHost hv1 = bed.topology.hypervisor(1);
        for (int i : n == 1 ? List.of(1) : List.of(1, n)) {
            String vif = "vifv" + i;
            hv1.vsctl("add-port", "br-int", vif, "--", "set", "Interface", vif, "external-ids:iface-id=vif-v" + i,
                    "options:tx_pcap=" + hv1.rundir().resolve(vif + "-tx.pcap"));
        }
        firstVlanLane = bed.lane("vlan " + FIRST_VLAN, 2, vifMac(1, ""), FIRST_VLAN, hv1.rundir().resolve("vifv1-tx.pcap"));
        lastVlanLane = bed.lane("vlan " + (FIRST_VLAN - 1 + n), 3, vifMac(n, ""), FIRST_VLAN - 1 + n,
                hv1.rundir().resolve("vifv" + n + "-tx.pcap"));
        SouthboundBindings.await(System.nanoTime() + GIVE_UP_NANOS, () -> !bed.sb.chassisUuid("hv1").isEmpty());
        bed.topology.central().nbctl("--wait=hv", "sync");
    }

    private static String vifMac(int i, String separator) {
        String hex = String.format("f0000010%04x", i);
        if (separator.isEmpty()) {
            return hex;
        }
        return String.join(separator, hex.split("(?<=\\G..)"));
    }

    /** (c) and (d): N ports created at once naming the gateway; bound, patch ports, crossing; flows; deleted. */
    void scale(int rep) {
        for (Gateway gw : bed.inOrder(rep)) {
            bed.checkAlive();
            List<GatewayPort> ports = nextScalePorts();
            Map<String, Double> t = createScalePorts(gw, ports, rep);
            samples.add("flows.N", gw.kind(), rep, settledFlowCount(gw), "flows");
            progress.say(String.format("rep %d/%d %-14s %d ports: all bound %6.0f ms, patch ports %6.0f ms, VLAN %d %6.0f ms,"
                    + " VLAN %d %6.0f ms", rep + 1, options.reps(), gw.kind().label, scalePorts.size(), t.get("last"),
                    t.get("patch"), FIRST_VLAN, t.get("frameFirst"), FIRST_VLAN - 1 + scalePorts.size(), t.get("frameLast")));
            deleteScalePorts(gw, ports);
        }
    }

    /** (e, f) with N ports, and the agent's soak: N ports on each gateway in turn, settled. */
    void footprintScale() {
        for (Gateway gw : List.of(bed.ovnController, bed.agent)) {
            List<GatewayPort> ports = nextScalePorts();
            createScalePorts(gw, ports, -1);
            footprint(gw, "N", 0);
            if (gw == bed.agent) {
                soak(gw);
            }
            deleteScalePorts(gw, ports);
        }
    }

    private Map<String, Double> createScalePorts(Gateway gw, List<GatewayPort> ports, int rep) {
        List<String> names = ports.stream().map(GatewayPort::name).toList();
        try (Prober prober = Prober.start(bed.physicalHost, "vif3", List.of(firstVlanLane, lastVlanLane),
                options.probeIntervalMillis())) {
            sleepMillis(20);
            long t0 = System.nanoTime();
            bed.nb.createGatewayPorts(ports, bed.nb.options(Optional.of(gw.chassis()), bed.standbyFor(gw, options)));
            long[] bound = bed.sb.awaitAllBound(names, gw.chassis(), t0 + GIVE_UP_NANOS)
                    .orElseThrow(() -> timeout(gw, "all " + names.size() + " SB bindings"));
            SouthboundBindings.await(t0 + GIVE_UP_NANOS, () -> gw.patchPorts().countOf(names) == names.size())
                    .orElseThrow(() -> timeout(gw, "all " + names.size() + " patch ports"));
            // 0 when they were all in place before the ports were created (the agent's pair is its bridge's)
            long patch = Math.max(t0, gw.patchPorts().changedNanos());
            // again once the bindings are in: with 200 ports the other gateway's last announcements can arrive after
            // the flush of nextScalePorts, and gwA's own learning bridge would then hold the VIF MACs on its uplink
            // for the 5 min aging time (ovn-controller 23.03 announces nothing to correct it)
            flushPhysicalBridges();
            long first = awaitFirstCrossing(prober, firstVlanLane, t0, gw);
            long last = awaitFirstCrossing(prober, lastVlanLane, t0, gw);
            Map<String, Double> t = Map.of("first", ms(bound[0] - t0), "last", ms(bound[1] - t0),
                    "patch", ms(patch - t0), "frameFirst", ms(first - t0), "frameLast", ms(last - t0));
            if (rep >= 0) {
                samples.add("scale.sb.first", gw.kind(), rep, t.get("first"), "ms");
                samples.add("scale.sb.last", gw.kind(), rep, t.get("last"), "ms");
                samples.add("scale.patch", gw.kind(), rep, t.get("patch"), "ms");
                samples.add("scale.frame.first", gw.kind(), rep, t.get("frameFirst"), "ms");
                samples.add("scale.frame.last", gw.kind(), rep, t.get("frameLast"), "ms");
            }
            return t;
        }
    }

    private void deleteScalePorts(Gateway gw, List<GatewayPort> ports) {
        bed.nb.deletePorts(ports);
        List<String> names = ports.stream().map(GatewayPort::name).toList();
        SouthboundBindings.await(System.nanoTime() + GIVE_UP_NANOS, () -> bed.sb.noneBound(names))
                .orElseThrow(() -> timeout(gw, "the SB bindings to go"));
        // ovn-controller may keep patch ports of deleted ports (see seedPort); wait a while, then go on. The agent's
        // pair is the bridge's and stays.
        boolean gone = !gw.patchPorts().perLogicalPort() || SouthboundBindings.await(System.nanoTime() + 10_000_000_000L,
                () -> gw.patchPorts().countOf(names) == 0).isPresent();
        if (!gone) {
            progress.say(gw.kind().label + ": " + gw.patchPorts().countOf(names) + " patch ports of deleted ports remain");
        }
        sleepMillis(200);
    }

    /** Settles, then flows and RSS, idle CPU over the window, RSS again. */
    private void footprint(Gateway gw, String ports, int rep) {
        if (ports.equals("1")) {
            samples.add("flows.1", gw.kind(), rep, settledFlowCount(gw), "flows");
        }
        samples.add("rss." + ports, gw.kind(), rep, gw.meter().rssMb(), "MB");
        long ticks = gw.meter().cpuTicks();
        long start = System.nanoTime();
        progress.say(gw.kind().label + " with " + (ports.equals("N") ? scalePorts.size() : 1) + " port(s): idle for "
                + options.idleSeconds() + " s");
        sleepMillis(options.idleSeconds() * 1000L);
        double cpu = ProcessMeter.percentOfCore(ticks, gw.meter().cpuTicks(), System.nanoTime() - start);
        double rss = gw.meter().rssMb();
        samples.add("cpu." + ports, gw.kind(), rep, cpu, "%");
        samples.add("rss." + ports + ".after-idle", gw.kind(), rep, rss, "MB");
        progress.say(String.format("%s: RSS %.1f MB, idle CPU %.2f %% of a core", gw.kind().label, rss, cpu));
    }

    /** The agent keeps N ports for the soak; RSS every tenth of it (raw file), the last one in the table. */
    private void soak(Gateway gw) {
        progress.say("soak: " + gw.kind().label + " keeps " + scalePorts.size() + " ports for " + options.soakSeconds() + " s");
        long ticks = gw.meter().cpuTicks();
        long start = System.nanoTime();
        long step = Math.max(1000L, options.soakSeconds() * 100L);
        double max = 0;
        for (long elapsed = 0; elapsed < options.soakSeconds() * 1000L; elapsed += step) {
            sleepMillis(Math.min(step, options.soakSeconds() * 1000L - elapsed));
            bed.checkAlive();
            double rss = gw.meter().rssMb();
            max = Math.max(max, rss);
            samples.add("soak.rss.sample", gw.kind(), (int) ((System.nanoTime() - start) / 1_000_000_000L), rss, "MB");
        }
        double cpu = ProcessMeter.percentOfCore(ticks, gw.meter().cpuTicks(), System.nanoTime() - start);
        double rss = gw.meter().rssMb();
        samples.add("soak.rss", gw.kind(), 0, rss, "MB");
        samples.add("soak.rss.max", gw.kind(), 0, max, "MB");
        samples.add("soak.cpu", gw.kind(), 0, cpu, "%");
        progress.say(String.format("soak done: RSS %.1f MB (max %.1f), CPU %.2f %% of a core", rss, max, cpu));
    }

    /** br-int's flow count once two readings a second apart agree (at most ten seconds). */
    private static int settledFlowCount(Gateway gw) {
        int before = gw.flowCount();
        for (int i = 0; i < 10; i++) {
            sleepMillis(1000);
            int now = gw.flowCount();
            if (now == before) {
                return now;
            }
            before = now;
        }
        return before;
    }

    /** A gateway whose frames did not stop within the release wait: the rep counts it; wait for the end. */
    private void unstick(Gateway gw) {
        try (Prober prober = Prober.start(bed.physicalHost, "vif3", List.of(seedLane), options.probeIntervalMillis())) {
            SouthboundBindings.await(System.nanoTime() + GIVE_UP_NANOS, () -> {
                prober.check();
                return System.nanoTime() - seedLane.lastCrossingSeenNanos() > QUIET_NANOS;
            }).orElseThrow(() -> timeout(gw, "end of frames after the release"));
        }
    }

    private long awaitFirstCrossing(Prober prober, ProbeLane lane, long t0, Gateway gw) {
        long deadline = t0 + GIVE_UP_NANOS;
        while (System.nanoTime() < deadline) {
            prober.check();
            OptionalLong first = lane.firstCrossing();
            if (first.isPresent()) {
                return first.getAsLong();
            }
            sleepMillis(1);
        }
        StringBuilder state = new StringBuilder();
        for (Gateway g : List.of(bed.ovnController, bed.agent)) {
            state.append("\n").append(g.chassis()).append(" fdb:\n")
                    .append(g.host().appctl("fdb/show", SeedTopology.PHYSICAL_BRIDGE));
        }
        progress.say("no crossing; physical bridges' MAC tables:" + state);
        throw timeout(gw, "a probe to cross on " + lane.name());
    }

    private IllegalStateException timeout(Gateway gw, String what) {
        bed.checkAlive();
        return new IllegalStateException(gw.kind().label + " (" + gw.chassis() + "): no " + what + " within "
                + GIVE_UP_NANOS / 1_000_000_000L + " s");
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static void sleepMillis(long ms) {
        SouthboundBindings.sleepMillis(ms);
    }
}
