package org.ovnl2gw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
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

    static Main.NodeAgent startAgent(OvsHost host, String... extra) throws InterruptedException {
        String[] base = {"--ovs-db", host.ovsdbRemote(), "--ovs-rundir", host.rundir().toString(),
                "--heartbeat-interval", "0.5"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        Main.NodeAgent agent = Main.NodeAgent.start(AgentOptions.parse(args));
        assertTrue(agent.awaitLocalDatabase(Duration.ofSeconds(20)));
        return agent;
    }

    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void seedMatrixPassesUntaggedAndOnAVlanWithTheChassisOption() throws Exception {
        SeedTopology topology = SeedTopology.build(testbed, List.of("hv_gw"), true);
        agent = startAgent(topology.gateway("hv_gw"));
        topology.addGatewayPortByHand("lp-gw", "hv_gw");
        var central = topology.central();
        eventually("the agent claimed lp-gw", () ->
                central.sbFind("Port_Binding", "up", "logical_port=lp-gw").equals(List.of("true")));
        central.nbctl("--wait=hv", "sync");

        List<TrafficMatrix.CaseResult> untagged = new TrafficMatrix(topology).run(0);
        System.out.print(TrafficMatrix.table(untagged));
        assertTrue(TrafficMatrix.allPassed(untagged), TrafficMatrix.table(untagged));

        central.nbctl("set", "Logical_Switch_Port", "lp-gw", "tag_request=100");
        topology.setPhysicalHostVlan(100);
        eventually("lp-gw has tag 100", () -> central.sbFind("Port_Binding", "tag", "logical_port=lp-gw")
                .equals(List.of("100")));
        central.nbctl("--wait=hv", "sync");
        List<TrafficMatrix.CaseResult> tagged = new TrafficMatrix(topology).run(100);
        System.out.print(TrafficMatrix.table(tagged));
        assertTrue(TrafficMatrix.allPassed(tagged), TrafficMatrix.table(tagged));

        OvsHost gw = topology.gateway("hv_gw");
        assertEquals("lp-gw", gw.vsctl("get", "Port", "patch-br-int-to-lp-gw", "external_ids:ovn-l2gateway-port")
                .strip().replace("\"", ""));
        assertEquals("lp-gw", gw.vsctl("get", "Port", "patch-lp-gw-to-br-int", "external_ids:ovn-l2gateway-port")
                .strip().replace("\"", ""));
    }

    @Test
    void administrativeBindingWithoutTheOptionIsServed() throws Exception {
        SeedTopology topology = SeedTopology.build(testbed, List.of("hv_gw"), true);
        agent = startAgent(topology.gateway("hv_gw"));
        var central = topology.central();
        eventually("hv_gw registered", () -> central.sbFind("Chassis", "name").contains("hv_gw"));
        topology.addGatewayPortByHand("lp-gw", null);
        central.nbctl("--wait=sb", "sync");
        central.sbctl("lsp-bind", "lp-gw", "hv_gw");
        eventually("lp-gw is up", () ->
                central.sbFind("Port_Binding", "up", "logical_port=lp-gw").equals(List.of("true")));
        central.nbctl("--wait=hv", "sync");
        List<TrafficMatrix.CaseResult> results = new TrafficMatrix(topology).run(0);
        System.out.print(TrafficMatrix.table(results));
        assertTrue(TrafficMatrix.allPassed(results), TrafficMatrix.table(results));
    }
}
