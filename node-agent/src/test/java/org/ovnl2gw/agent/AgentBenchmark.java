package org.ovnl2gw.agent;

import static org.ovnl2gw.testbed.Eventually.eventually;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ovnl2gw.agent.FrameProbe.Vif;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.PcapFile;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;

/**
 * How long from an l2gateway port being bound to this chassis until a frame crosses the gateway: the
 * seed topology with real ovn-northd and ovn-controller, our agent (default settings) in-process for
 * hv_gw. Each run binds the port, then injects a probe at hv3's vif3 (physical network) for vif1's MAC
 * every ~20 ms until vif1 receives one; then unbinds and waits until the gateway has nothing of ours
 * left. Two ways of binding are measured:
 * <ul>
 *   <li>{@code sb-bind}: the port exists; the Southbound binding is written ({@code ovn-sbctl lsp-bind}),
 *       as the operator does;
 *   <li>{@code nb-create}: the port is created in the Northbound DB naming the chassis in
 *       {@code options:l2gateway-chassis}; ovn-northd creates the binding and the agent claims it.
 * </ul>
 * Figures, not assertions; the clock starts just before the ctl command is run, so each figure includes
 * starting that command. Usage: {@code bench/agent-bench [runs]} (default 20).
 */
public final class AgentBenchmark {
    private static final long PROBE_INTERVAL_MS = 20;
    private static final long GIVE_UP_MS = 30_000;

    private AgentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        try (Testbed testbed = Testbed.create("agentbench")) {
            SeedTopology topology = SeedTopology.build(testbed, List.of("hv_gw"), true);
            OvnCentral central = topology.central();
            OvsHost gw = topology.gateway("hv_gw");
            try (Main.NodeAgent agent = Main.NodeAgent.start(AgentOptions.parse("--ovs-db", gw.ovsdbRemote(),
                    "--ovs-rundir", gw.rundir().toString()))) {
                agent.awaitLocalDatabase(java.time.Duration.ofSeconds(20));
                eventually("hv_gw registered", () -> central.sbFind("Chassis", "name").contains("hv_gw"));
                Vif vif1 = new Vif(topology.hypervisor(1), "vif1");
                Vif vif3 = new Vif(topology.hypervisor(3), "vif3");

                topology.addGatewayPortByHand("lp-gw", null);
                central.nbctl("--wait=sb", "sync");
                List<Double> sbBind = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    long t0 = System.nanoTime();
                    central.sbctl("lsp-bind", "lp-gw", "hv_gw");
                    sbBind.add(untilProbeCrosses(vif3, vif1, run, t0));
                    central.sbctl("lsp-unbind", "lp-gw");
                    awaitNothingOfOurs(gw);
                }
                central.nbctl("lsp-del", "lp-gw");

                List<Double> nbCreate = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    long t0 = System.nanoTime();
                    topology.addGatewayPortByHand("lp-gw", "hv_gw");
                    nbCreate.add(untilProbeCrosses(vif3, vif1, runs + run, t0));
                    central.nbctl("lsp-del", "lp-gw");
                    awaitNothingOfOurs(gw);
                }
                System.out.println("bound to this chassis -> first probe frame across the gateway (vif3 -> vif1),"
                        + " probe every " + PROBE_INTERVAL_MS + " ms, " + runs + " runs each:");
                report("sb-bind  (ovn-sbctl lsp-bind)", sbBind);
                report("nb-create (lsp-add with l2gateway-chassis)", nbCreate);
            }
        }
    }

    /** Milliseconds from {@code t0} until a probe injected at {@code from} arrives at {@code to}. */
    private static double untilProbeCrosses(Vif from, Vif to, int run, long t0) {
        String probe = "f00000000001" + "f00000000003" + String.format("88%02x", run & 0xff);
        long deadline = System.currentTimeMillis() + GIVE_UP_MS;
        while (System.currentTimeMillis() < deadline) {
            from.receive(probe);
            long sent = System.nanoTime();
            while ((System.nanoTime() - sent) / 1_000_000 < PROBE_INTERVAL_MS) {
                if (PcapFile.frames(to.txPcap()).contains(probe)) {
                    return (System.nanoTime() - t0) / 1e6;
                }
                FrameProbe.sleep(2);
            }
        }
        throw new IllegalStateException("run " + run + ": no probe crossed within " + GIVE_UP_MS + " ms");
    }

    private static void awaitNothingOfOurs(OvsHost gw) {
        eventually("the gateway released everything of lp-gw", () ->
                GatewayHarness.ourFlows(gw).isEmpty());
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        double p50 = sorted.get((sorted.size() - 1) / 2);
        System.out.printf(Locale.ROOT, "  %-45s p50 %7.1f ms   max %7.1f ms   min %7.1f ms%n", what, p50,
                sorted.get(sorted.size() - 1), sorted.get(0));
        System.out.printf(Locale.ROOT, "    runs: %s%n", String.join(" ", millis.stream()
                .map(m -> String.format(Locale.ROOT, "%.0f", m)).toList()));
    }
}
