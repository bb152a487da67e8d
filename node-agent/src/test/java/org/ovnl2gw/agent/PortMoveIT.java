package org.ovnl2gw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ovnl2gw.testbed.Eventually.eventually;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.FrameProbe.Vif;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.PcapFile;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;
import org.ovnl2gw.testbed.TrafficMatrix;

/**
 * Two gateway nodes, each with its own agent. The l2gateway port is moved from gw1 to gw2 as the operator
 * moves it (Northbound {@code l2gateway-chassis} first, then the Southbound binding): traffic follows to
 * gw2, and gw1 keeps nothing of ours for the port.
 */
class PortMoveIT {
    private static final String PORT = "lp-gw";
    private Testbed testbed;
    private Main.NodeAgent agent1;
    private Main.NodeAgent agent2;

    @BeforeEach
    void start() {
        testbed = Testbed.create("portmove");
    }

    @AfterEach
    void stop() {
        for (Main.NodeAgent agent : new Main.NodeAgent[] {agent1, agent2}) {
            if (agent != null) {
                agent.close();
            }
        }
        testbed.close();
    }

    @Test
    void movedPortTakesTrafficToTheNewNodeAndLeavesNothingOnTheOld() throws Exception {
        SeedTopology topology = SeedTopology.build(testbed, List.of("gw1", "gw2"), true);
        OvnCentral central = topology.central();
        OvsHost gw1 = topology.gateway("gw1");
        OvsHost gw2 = topology.gateway("gw2");
        agent1 = GatewayHarness.startAgent(gw1);
        agent2 = GatewayHarness.startAgent(gw2);
        topology.addGatewayPortByHand(PORT, "gw1");
        eventually(PORT + " bound to gw1 and up", () -> boundTo(central).equals("gw1") && isUp(central));
        central.nbctl("--wait=hv", "sync");
        Vif vif1 = new Vif(topology.hypervisor(1), "vif1");
        Vif vif3 = new Vif(topology.hypervisor(3), "vif3");
        eventually("a frame crosses gw1", () -> FrameProbe.crosses(vif3, "f00000000001f00000000003" + "0801", vif1));
        assertEquals(2, GatewayHarness.patchPairTo(gw1, SeedTopology.PHYSICAL_BRIDGE).size());

        central.nbctl("lsp-set-options", PORT, "network_name=" + SeedTopology.NETWORK, "l2gateway-chassis=gw2");
        String gw2Chassis = central.sbFind("Chassis", "_uuid", "name=gw2").get(0);
        central.sbctl("set", "Port_Binding", PORT, "chassis=" + gw2Chassis);
        eventually(PORT + " bound to gw2 and up", () -> boundTo(central).equals("gw2") && isUp(central));
        eventually("gw1 has no flows of ours", () -> GatewayHarness.ourFlows(gw1).isEmpty());
        central.nbctl("--wait=hv", "sync");

        Path fromGw1 = topology.physical().framesFrom(gw1, SeedTopology.PHYSICAL_BRIDGE);
        Path fromGw2 = topology.physical().framesFrom(gw2, SeedTopology.PHYSICAL_BRIDGE);
        int gw1Before = PcapFile.frames(fromGw1).size();
        int gw2Before = PcapFile.frames(fromGw2).size();
        List<TrafficMatrix.CaseResult> results = new TrafficMatrix(topology).run(0);
        System.out.print(TrafficMatrix.table(results));
        assertTrue(TrafficMatrix.allPassed(results), TrafficMatrix.table(results));
        assertTrue(PcapFile.frames(fromGw2).size() > gw2Before, "the physical network got frames from gw2");
        assertEquals(gw1Before, PcapFile.frames(fromGw1).size(), "the physical network got nothing from gw1");

        assertEquals(List.of(), GatewayHarness.ourFlows(gw1), "flows with our cookie on gw1");
        // the pair stays while the bridge is mapped (ready for the port's return), carrying nothing without flows
        assertEquals(2, GatewayHarness.patchPairTo(gw1, SeedTopology.PHYSICAL_BRIDGE).size());
        assertEquals(2, GatewayHarness.patchPairTo(gw2, SeedTopology.PHYSICAL_BRIDGE).size());
    }

    private static String boundTo(OvnCentral central) {
        List<String> chassis = central.sbFind("Port_Binding", "chassis", "logical_port=" + PORT);
        if (chassis.isEmpty()) {
            return "";
        }
        return central.sbctl("get", "Chassis", chassis.get(0), "name").strip().replace("\"", "");
    }

    private static boolean isUp(OvnCentral central) {
        return central.sbFind("Port_Binding", "up", "logical_port=" + PORT).equals(List.of("true"));
    }
}
