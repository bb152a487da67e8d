package org.ovnl2gw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ovnl2gw.testbed.Eventually.eventually;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;
import org.ovnl2gw.testbed.TrafficMatrix;

/**
 * The seed change's test, with our agent as hv_gw's chassis (no ovn-controller there): real ovn-northd,
 * real ovn-controller on hv1 and hv2, the 18-case matrix untagged and on VLAN 100.
 */
class SeedMatrixIT {
    private static final Duration SEED_DEADLINE = Duration.ofSeconds(30);
    private Testbed testbed;
    private Main.NodeAgent agent;

    @BeforeEach
    void start() {
        testbed = Testbed.create("seedm");
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        testbed.close();
    }

    @Test
    void seedMatrixPassesUntaggedAndOnAVlanWithTheChassisOption() throws Exception {
        SeedTopology topology = SeedTopology.build(testbed, List.of("hv_gw"), true);
        agent = GatewayHarness.startAgent(topology.gateway("hv_gw"));
        topology.addGatewayPortByHand("lp-gw", "hv_gw");
        var central = topology.central();
        eventually(SEED_DEADLINE, "the agent claimed lp-gw", () ->
                central.sbFind("Port_Binding", "up", "logical_port=lp-gw").equals(List.of("true")));
        central.nbctl("--wait=hv", "sync");

        List<TrafficMatrix.CaseResult> untagged = new TrafficMatrix(topology).run(0);
        System.out.print(TrafficMatrix.table(untagged));
        assertTrue(TrafficMatrix.allPassed(untagged), TrafficMatrix.table(untagged));

        central.nbctl("set", "Logical_Switch_Port", "lp-gw", "tag_request=100");
        topology.setPhysicalHostVlan(100);
        eventually(SEED_DEADLINE, "lp-gw has tag 100", () -> central.sbFind("Port_Binding", "tag", "logical_port=lp-gw")
                .equals(List.of("100")));
        central.nbctl("--wait=hv", "sync");
        List<TrafficMatrix.CaseResult> tagged = new TrafficMatrix(topology).run(100);
        System.out.print(TrafficMatrix.table(tagged));
        assertTrue(TrafficMatrix.allPassed(tagged), TrafficMatrix.table(tagged));

        OvsHost gw = topology.gateway("hv_gw");
        // one patch pair per mapped bridge (see GatewayPlan), marked with the bridge it leads to
        assertEquals(List.of("patch-br-int-to-br-phys2", "patch-br-phys2-to-br-int"),
                GatewayHarness.patchPairTo(gw, "br-phys2"));
        assertEquals("br-phys2", gw.vsctl("port-to-br", "patch-br-phys2-to-br-int").strip());
    }

    @Test
    void administrativeBindingWithoutTheOptionIsServed() throws Exception {
        SeedTopology topology = SeedTopology.build(testbed, List.of("hv_gw"), true);
        agent = GatewayHarness.startAgent(topology.gateway("hv_gw"));
        var central = topology.central();
        eventually(SEED_DEADLINE, "hv_gw registered", () -> central.sbFind("Chassis", "name").contains("hv_gw"));
        topology.addGatewayPortByHand("lp-gw", null);
        central.nbctl("--wait=sb", "sync");
        central.sbctl("lsp-bind", "lp-gw", "hv_gw");
        eventually(SEED_DEADLINE, "lp-gw is up", () ->
                central.sbFind("Port_Binding", "up", "logical_port=lp-gw").equals(List.of("true")));
        central.nbctl("--wait=hv", "sync");
        List<TrafficMatrix.CaseResult> results = new TrafficMatrix(topology).run(0);
        System.out.print(TrafficMatrix.table(results));
        assertTrue(TrafficMatrix.allPassed(results), TrafficMatrix.table(results));
    }
}
