package org.ovnl2gw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ovnl2gw.testbed.Eventually.eventually;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.FrameProbe.Vif;
import org.ovnl2gw.agent.dataplane.GatewayTables;
import org.ovnl2gw.testbed.Network;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;

/**
 * Two logical switches bridged through two physical networks by one gateway node: lsw0 to physnet1
 * (br-phys2 on n2, with hv3 behind it, as in the seed) and lsw1 to physnet2 (br-phys3 on n3, with hv4
 * behind it), lsw1 having its own VIFs on hv1 and hv2. Each switch passes its traffic both ways and
 * nothing crosses into the other.
 */
class MultiNetworkIT {
    private Testbed testbed;
    private Main.NodeAgent agent;

    @BeforeEach
    void start() {
        testbed = Testbed.create("multinet");
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        testbed.close();
    }

    @Test
    void twoSwitchesOnTwoNetworksPassTheirTrafficAndStaySeparate() throws Exception {
        SeedTopology topology = SeedTopology.build(testbed, List.of("hv_gw"), false);
        OvsHost gw = topology.gateway("hv_gw");
        OvnCentral central = topology.central();

        Network n3 = testbed.addNetwork("n3");
        gw.vsctl("add-br", "br-phys3");
        n3.attach(gw, "br-phys3");
        OvsHost hv4 = testbed.addHost("hv4");
        hv4.vsctl("add-br", "br-phys");
        n3.attach(hv4, "br-phys");
        Vif vif5 = Vif.add(hv4, "br-phys", "vif5");
        gw.vsctl("set", "Open_vSwitch", ".",
                "external-ids:ovn-bridge-mappings=physnet1:br-phys2,physnet2:br-phys3");

        List<SwitchTraffic.Member> lsw1Vifs = addLsw1(topology);

        agent = GatewayHarness.startAgent(gw);
        topology.addGatewayPortByHand("lp-gw", "hv_gw");
        addLsw1Gateway(central, "physnet2");
        eventually("both gateway ports are up", () ->
                central.sbFind("Port_Binding", "up", "type=l2gateway").equals(List.of("true", "true")));
        central.nbctl("--wait=hv", "sync");

        SwitchTraffic lsw0 = lsw0Traffic(topology);
        SwitchTraffic lsw1 = new SwitchTraffic("lsw1", lsw1Vifs, new SwitchTraffic.Member(vif5, "f00000000103"));

        assertBothPassAndStaySeparate(lsw0, lsw1);

        assertEquals(Set.of("patch-br-int-to-br-phys2", "patch-br-phys2-to-br-int", "patch-br-int-to-br-phys3",
                        "patch-br-phys3-to-br-int"),
                new TreeSet<>(GatewayHarness.ourPorts(gw).stream().filter(p -> p.startsWith("patch-")).toList()));
        assertEquals("br-phys3", gw.vsctl("port-to-br", "patch-br-phys3-to-br-int").strip());
        assertEquals("br-phys2", gw.vsctl("port-to-br", "patch-br-phys2-to-br-int").strip());
    }

    /**
     * Two switches onto two VLANs of one network: both ports use the bridge's one patch pair, told apart by their
     * tags. Every frame arrives exactly once and none crosses onto the other VLAN; the pair stays when a port goes.
     */
    @Test
    void twoVlansOfOneBridgeShareItsPatchPairAndStaySeparate() throws Exception {
        SeedTopology topology = SeedTopology.build(testbed, List.of("hv_gw"), true);
        OvsHost gw = topology.gateway("hv_gw");
        OvnCentral central = topology.central();
        OvsHost hv3 = topology.hypervisor(3);
        topology.setPhysicalHostVlan(100);
        Vif vif6 = Vif.add(hv3, "br-phys", "vif6");
        hv3.vsctl("set", "Port", "vif6", "tag=" + SeedTopology.OTHER_VLAN);

        List<SwitchTraffic.Member> lsw1Vifs = addLsw1(topology);

        agent = GatewayHarness.startAgent(gw);
        topology.addGatewayPortByHand("lp-gw", "hv_gw");
        central.nbctl("set", "Logical_Switch_Port", "lp-gw", "tag_request=100");
        addLsw1Gateway(central, SeedTopology.NETWORK, "--", "set", "Logical_Switch_Port", "lp-gw1",
                "tag_request=" + SeedTopology.OTHER_VLAN);
        eventually("both gateway ports are up with their tags", () ->
                central.sbFind("Port_Binding", "up", "type=l2gateway").equals(List.of("true", "true"))
                        && new TreeSet<>(central.sbFind("Port_Binding", "tag", "type=l2gateway"))
                        .equals(new TreeSet<>(List.of("100", String.valueOf(SeedTopology.OTHER_VLAN)))));
        central.nbctl("--wait=hv", "sync");

        SwitchTraffic lsw0 = lsw0Traffic(topology);
        SwitchTraffic lsw1 = new SwitchTraffic("lsw1", lsw1Vifs, new SwitchTraffic.Member(vif6, "f00000000103"));
        assertBothPassAndStaySeparate(lsw0, lsw1);
        assertEquals(List.of("patch-br-int-to-br-phys2", "patch-br-phys2-to-br-int"),
                GatewayHarness.ourPorts(gw).stream().filter(p -> p.startsWith("patch-")).sorted().toList());

        long lsw1Key = Long.parseLong(central.sbFind("Datapath_Binding", "tunnel_key",
                "external_ids:name=lsw1").get(0));
        String lsw1Cookie = String.format("cookie=0x%x/0xffffffffffff0000",
                GatewayTables.COOKIE_OWNER | (lsw1Key << 16));
        assertTrue(!GatewayHarness.flowLines(gw.ofctl("dump-flows", "br-int", lsw1Cookie, "--no-stats")).isEmpty());
        central.nbctl("lsp-del", "lp-gw1");
        eventually("lp-gw1's flows are gone", () ->
                GatewayHarness.flowLines(gw.ofctl("dump-flows", "br-int", lsw1Cookie, "--no-stats")).isEmpty());
        central.nbctl("--wait=hv", "sync");
        assertPasses(lsw0.run(lsw1.vifs()));
        assertEquals(List.of("patch-br-int-to-br-phys2", "patch-br-phys2-to-br-int"),
                GatewayHarness.patchPairTo(gw, SeedTopology.PHYSICAL_BRIDGE));
    }

    /** Every case of each switch, watching the other's VIFs too: each frame exactly once, none leaking across. */
    private static void assertBothPassAndStaySeparate(SwitchTraffic one, SwitchTraffic other) {
        List<SwitchTraffic.Outcome> outcomes = new ArrayList<>(one.run(other.vifs()));
        outcomes.addAll(other.run(one.vifs()));
        assertPasses(outcomes);
    }

    private static void assertPasses(List<SwitchTraffic.Outcome> outcomes) {
        System.out.print(SwitchTraffic.table(outcomes));
        assertTrue(SwitchTraffic.allPassed(outcomes), SwitchTraffic.table(outcomes));
    }

    /** lsw1 with a VIF on hv1 and one on hv2, as the switch's overlay members. */
    private static List<SwitchTraffic.Member> addLsw1(SeedTopology topology) {
        OvnCentral central = topology.central();
        central.nbctl("ls-add", "lsw1");
        central.nbctl("lsp-add", "lsw1", "lp11", "--", "lsp-set-addresses", "lp11", "f0:00:00:00:01:01");
        central.nbctl("lsp-add", "lsw1", "lp12", "--", "lsp-set-addresses", "lp12", "f0:00:00:00:01:02");
        return List.of(
                new SwitchTraffic.Member(Vif.add(topology.hypervisor(1), "br-int", "vif11",
                        "external-ids:iface-id=lp11"), "f00000000101"),
                new SwitchTraffic.Member(Vif.add(topology.hypervisor(2), "br-int", "vif12",
                        "external-ids:iface-id=lp12"), "f00000000102"));
    }

    /** lsw1's l2gateway port lp-gw1 onto {@code network} through hv_gw, with {@code more} nbctl arguments. */
    private static void addLsw1Gateway(OvnCentral central, String network, String... more) {
        List<String> args = new ArrayList<>(List.of("lsp-add", "lsw1", "lp-gw1", "--", "lsp-set-type", "lp-gw1",
                "l2gateway", "--", "lsp-set-addresses", "lp-gw1", "unknown", "--", "lsp-set-options", "lp-gw1",
                "network_name=" + network, "l2gateway-chassis=hv_gw"));
        args.addAll(List.of(more));
        central.nbctl(args.toArray(String[]::new));
    }

    /** The seed's switch: vif1 and vif2 on the hypervisors, vif3 on the physical host. */
    private static SwitchTraffic lsw0Traffic(SeedTopology topology) {
        return new SwitchTraffic("lsw0", List.of(
                new SwitchTraffic.Member(new Vif(topology.hypervisor(1), "vif1"), "f00000000001"),
                new SwitchTraffic.Member(new Vif(topology.hypervisor(2), "vif2"), "f00000000002")),
                new SwitchTraffic.Member(new Vif(topology.hypervisor(3), "vif3"), "f00000000003"));
    }
}
