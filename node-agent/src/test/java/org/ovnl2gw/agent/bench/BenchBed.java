package org.ovnl2gw.agent.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ovnl2gw.agent.bench.Samples.Kind;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;
import org.ovnl2gw.testbed.UnixCtl;

/**
 * The topology, built once: the seed's (hv1, hv2 with ovn-controller and lsw0's VIFs, hv3 on the physical
 * network) with two gateway chassis attached alike to the transport and the physical network and mapping
 * physnet1 to br-phys2: gwA runs ovn-controller, gwB our agent as its own process. The physical network is
 * a hub, so a port moving between the two gateways is never held behind the one that let go of it.
 * Closing stops every process it started, by pid.
 */
final class BenchBed implements AutoCloseable {
    static final String PORT = "lp-gw";
    private static final Pattern FLOW_COUNT = Pattern.compile("flow_count=(\\d+)");

    /** One gateway chassis of either kind. */
    record Gateway(Kind kind, String chassis, OvsHost host, PatchPorts patchPorts, ProcessMeter meter) {
        /** br-int's flow count, as {@code ovs-ofctl dump-aggregate} says. */
        int flowCount() {
            Matcher m = FLOW_COUNT.matcher(host.ofctl("dump-aggregate", "br-int"));
            if (!m.find()) {
                throw new IllegalStateException("no flow_count in dump-aggregate on " + chassis);
            }
            return Integer.parseInt(m.group(1));
        }
    }

    private final List<AutoCloseable> opened = new ArrayList<>();
    final Testbed testbed;
    final SeedTopology topology;
    final Northbound nb;
    final SouthboundBindings sb;
    final UnixCtl physicalHost;
    /** hv1's ovs-vswitchd, where the probes towards the physical host start. */
    final UnixCtl overlayHost;
    final Gateway ovnController;
    final Gateway agent;
    final AgentProcess agentProcess;

    private BenchBed(Testbed testbed, SeedTopology topology, Northbound nb, SouthboundBindings sb, UnixCtl physicalHost,
                     UnixCtl overlayHost, Gateway ovnController, Gateway agent, AgentProcess agentProcess) {
        this.testbed = testbed;
        this.topology = topology;
        this.nb = nb;
        this.sb = sb;
        this.physicalHost = physicalHost;
        this.overlayHost = overlayHost;
        this.ovnController = ovnController;
        this.agent = agent;
        this.agentProcess = agentProcess;
    }

    static BenchBed build(BenchOptions options, AgentLaunch launch, Progress progress) throws Exception {
        Testbed testbed = Testbed.create("vsovn");
        List<AutoCloseable> opened = new ArrayList<>();
        opened.add(testbed);
        try {
            progress.say("building the topology in " + testbed.baseDir());
            SeedTopology topology = SeedTopology.build(testbed, List.of("gwA", "gwB"), true);
            topology.physical().floodEverything();
            OvsHost gwA = topology.gateway("gwA");
            OvsHost gwB = topology.gateway("gwB");
            gwA.startOvnController();
            List<String> agentArgs = new ArrayList<>(List.of("--ovs-db", gwB.ovsdbRemote(),
                    "--ovs-rundir", gwB.rundir().toString()));
            agentArgs.addAll(options.agentArgs());
            AgentProcess agentProcess = AgentProcess.start(launch.jvmFlags(), launch.environment(), options.agentJar(), agentArgs,
                    gwB.rundir().resolve("node-agent.log"));
            opened.add(0, agentProcess);
            Runtime.getRuntime().addShutdownHook(new Thread(agentProcess::close, "bench-agent-reaper"));
            progress.say("node agent started, pid " + agentProcess.pid() + ": " + String.join(" ", agentProcess.command()));

            Northbound nb = Northbound.connect(topology.central().nbRemote(), SeedTopology.NETWORK);
            opened.add(0, nb);
            SouthboundBindings sb = SouthboundBindings.watch(topology.central().sbRemote());
            opened.add(0, sb);
            long deadline = System.nanoTime() + 60_000_000_000L;
            SouthboundBindings.await(deadline, () -> sb.chassisUuid("gwA").isPresent() && sb.chassisUuid("gwB").isPresent()
                    || !agentProcess.isAlive()).orElseThrow(() -> new IllegalStateException("gwA and gwB not both registered"));
            if (!agentProcess.isAlive()) {
                throw new IllegalStateException("the node agent exited; see " + agentProcess.log());
            }
            PatchPorts patchA = PatchPorts.watch(gwA.ovsdbRemote(), PatchPorts.PER_PORT);
            opened.add(0, patchA);
            PatchPorts patchB = PatchPorts.watch(gwB.ovsdbRemote(), PatchPorts.perBridge(SeedTopology.PHYSICAL_BRIDGE));
            opened.add(0, patchB);
            OvsHost hv3 = topology.hypervisor(3);
            UnixCtl physicalHost = UnixCtl.connect(hv3.vswitchdControlSocket());
            opened.add(0, physicalHost);
            UnixCtl overlayHost = UnixCtl.connect(topology.hypervisor(1).vswitchdControlSocket());
            opened.add(0, overlayHost);
            Gateway a = new Gateway(Kind.OVN_CONTROLLER, "gwA", gwA, patchA,
                    new ProcessMeter(gwA.ovnController().orElseThrow().pid()));
            Gateway b = new Gateway(Kind.AGENT, "gwB", gwB, patchB, new ProcessMeter(agentProcess.pid()));
            BenchBed bed = new BenchBed(testbed, topology, nb, sb, physicalHost, overlayHost, a, b, agentProcess);
            bed.opened.addAll(opened);
            Runtime.getRuntime().addShutdownHook(new Thread(bed::close, "bench-teardown"));
            return bed;
        } catch (Exception | Error e) {
            closeAll(opened);
            throw e;
        }
    }

    /** The gateways in the order of a rep: ovn-controller first on even reps, the agent first on odd ones. */
    List<Gateway> inOrder(int rep) {
        return rep % 2 == 0 ? List.of(ovnController, agent) : List.of(agent, ovnController);
    }

    Gateway other(Gateway gw) {
        return gw == agent ? ovnController : agent;
    }

    /** A probe lane from the physical host to a VIF of hv1 whose capture is {@code vifPcap}. */
    ProbeLane lane(String name, int id, String dstMac, int vlan, Path vifPcap) {
        return new ProbeLane(name, id, dstMac, vlan, new PcapTail(vifPcap));
    }

    Optional<String> standbyFor(Gateway gw, BenchOptions options) {
        return options.withStandby() ? Optional.of(other(gw).chassis()) : Optional.empty();
    }

    /** Fails when the agent or ovn-controller died under us: every later figure would be nonsense. */
    void checkAlive() {
        if (!agentProcess.isAlive()) {
            throw new IllegalStateException("the node agent exited; see " + agentProcess.log());
        }
        if (!ovnController.host().ovnController().orElseThrow().isAlive()) {
            throw new IllegalStateException("ovn-controller on gwA exited");
        }
    }

    /** Idempotent: the shutdown hook (Ctrl-C) and the end of the run may both call it. */
    @Override
    public synchronized void close() {
        closeAll(opened);
        opened.clear();
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                System.err.println("vs-ovn-controller: teardown step failed: " + e.getMessage());
            }
        }
    }
}
