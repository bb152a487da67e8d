package org.ovnl2gw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ovnl2gw.testbed.Eventually.eventually;

import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.FrameProbe.Vif;
import org.ovnl2gw.agent.dataplane.GatewayTables;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;

/**
 * Ports the gateway cannot serve: one whose network has no bridge mapping, one whose mapped bridge does
 * not exist. Each gets one clear error naming the port and the network (and the bridge) in the agent's
 * log, and nothing is built for it, while a healthy port on the same node keeps working.
 */
class MissingMappingIT {
    private Testbed testbed;
    private Main.NodeAgent agent;
    private LogCapture log;

    @BeforeEach
    void start() {
        testbed = Testbed.create("nomap");
        log = LogCapture.of("org.ovnl2gw.agent");
    }

    @AfterEach
    void stop() {
        log.close();
        if (agent != null) {
            agent.close();
        }
        testbed.close();
    }

    @Test
    void unmappedNetworkAndMissingBridgeAreReportedAndNothingIsHalfBuilt() throws Exception {
        SeedTopology topology = SeedTopology.build(testbed, List.of("hv_gw"), false);
        OvnCentral central = topology.central();
        OvsHost gw = topology.gateway("hv_gw");
        gw.vsctl("set", "Open_vSwitch", ".", "external-ids:ovn-bridge-mappings=physnet1:br-phys2,physnet8:br-nope");
        agent = GatewayHarness.startAgent(gw);
        topology.addGatewayPortByHand("lp-gw", "hv_gw");
        central.nbctl("ls-add", "lsw9");
        for (String[] port : new String[][] {{"lp-x", "physnet9"}, {"lp-y", "physnet8"}}) {
            central.nbctl("lsp-add", "lsw9", port[0], "--", "lsp-set-type", port[0], "l2gateway",
                    "--", "lsp-set-addresses", port[0], "unknown",
                    "--", "lsp-set-options", port[0], "network_name=" + port[1], "l2gateway-chassis=hv_gw");
        }
        eventually("the unmapped network is reported", () -> !errorsAbout("lp-x", "physnet9").isEmpty());
        eventually("the missing bridge is reported", () -> !errorsAbout("lp-y", "physnet8", "br-nope").isEmpty());
        central.nbctl("--wait=hv", "sync");
        Vif vif1 = new Vif(topology.hypervisor(1), "vif1");
        Vif vif3 = new Vif(topology.hypervisor(3), "vif3");
        eventually("the healthy port still passes traffic",
                () -> FrameProbe.crosses(vif3, "f00000000001f00000000003" + "0803", vif1));

        System.out.println(errorsAbout("lp-x") + "\n" + errorsAbout("lp-y"));
        assertEquals(1, errorsAbout("lp-x", "physnet9").size(), "reported once while it lasts (rate-limited)");
        assertEquals(1, errorsAbout("lp-y", "physnet8", "br-nope").size(), "reported once while it lasts");
        assertEquals(List.of("patch-br-int-to-br-phys2", "patch-br-phys2-to-br-int"),
                GatewayHarness.ourPorts(gw).stream().filter(p -> p.startsWith("patch-")).sorted().toList(),
                "patch ports: only the pair to the mapped bridge that exists");
        long lsw9Key = Long.parseLong(central.sbFind("Datapath_Binding", "tunnel_key",
                "external_ids:name=lsw9").get(0));
        assertEquals(List.of(), GatewayHarness.flowLines(gw.ofctl("dump-flows", "br-int", String.format(
                "cookie=0x%x/0xffffffffffff0000", GatewayTables.COOKIE_OWNER | (lsw9Key << 16)), "--no-stats")),
                "flows for lsw9's datapath");
        assertEquals(List.of(), gw.vsctl("--bare", "--columns=name", "find", "Bridge", "name=br-nope").lines()
                .filter(l -> !l.isBlank()).toList(), "no bridge is invented for a mapping");
    }

    private List<String> errorsAbout(String... words) {
        return log.messages(Level.WARNING).stream()
                .filter(m -> List.of(words).stream().allMatch(m::contains)).toList();
    }
}
