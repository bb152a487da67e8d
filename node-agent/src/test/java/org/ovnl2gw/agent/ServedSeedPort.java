package org.ovnl2gw.agent;

import static org.ovnl2gw.testbed.Eventually.eventually;

import java.util.List;
import java.util.function.Consumer;
import org.ovnl2gw.agent.FrameProbe.Vif;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;

/**
 * The seed topology's l2gateway port {@code lp-gw} served by our agent on gateway {@code hv_gw}, with unicast
 * crossing the gateway both ways between vif1 (hv1, overlay) and vif3 (hv3, physical network): where the tests
 * of what happens to a serving gateway (restart, upgrade, recovery) start.
 */
record ServedSeedPort(SeedTopology topology, OvnCentral central, OvsHost gw, Vif vif1, Vif vif3) {
    static final String PORT = "lp-gw";
    static final String CHASSIS = "hv_gw";

    /**
     * Builds the seed topology in {@code testbed}, starts the agent of {@link #CHASSIS} (handed to {@code started}
     * at once, for the caller's teardown), adds the port bound by hand to it and waits for traffic.
     */
    static ServedSeedPort start(Testbed testbed, Consumer<Main.NodeAgent> started) throws InterruptedException {
        SeedTopology topology = SeedTopology.build(testbed, List.of(CHASSIS), true);
        started.accept(GatewayHarness.startAgent(topology.gateway(CHASSIS)));
        return serve(topology);
    }

    private static ServedSeedPort serve(SeedTopology topology) {
        OvnCentral central = topology.central();
        topology.addGatewayPortByHand(PORT, CHASSIS);
        eventually(PORT + " is up", () -> central.sbFind("Port_Binding", "up", "logical_port=" + PORT)
                .equals(List.of("true")));
        central.nbctl("--wait=hv", "sync");
        ServedSeedPort served = new ServedSeedPort(topology, central, topology.gateway(CHASSIS),
                new Vif(topology.hypervisor(1), "vif1"), new Vif(topology.hypervisor(3), "vif3"));
        eventually("traffic crosses the gateway", served::crossesBothWays);
        return served;
    }

    /** One unicast frame each way between vif3 and vif1 crosses (one quick attempt each). */
    boolean crossesBothWays() {
        return FrameProbe.crosses(vif3, "f00000000001f00000000003" + "0803", vif1)
                && FrameProbe.crosses(vif1, "f00000000003f00000000001" + "0801", vif3);
    }
}
