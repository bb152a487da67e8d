package org.ovnl2gw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ovnl2gw.testbed.Eventually.eventually;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.testbed.Network;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.PcapFile;
import org.ovnl2gw.testbed.SeedTopology;
import org.ovnl2gw.testbed.Testbed;

/**
 * The seed topology with our agent serving {@code lp-gw} on VLAN 100 from hv_gw, and the physical network's
 * learning switch holding lp1's and lp2's MACs behind hv3 (as it would behind a gateway that failed): the
 * announcer, driven directly, makes hv3 receive one RARP per MAC per send, tagged 100, and the learning
 * switch move both MACs to hv_gw's port; after {@link MacAnnouncer#stop} nothing more is sent.
 */
class MacAnnouncementIT {
    private static final List<String> MACS = List.of("f0:00:00:00:00:01", "f0:00:00:00:00:02");
    private static final int VLAN = 100;

    private Testbed testbed;
    private Main.NodeAgent agent;

    @BeforeEach
    void start() {
        testbed = Testbed.create("annc");
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        testbed.close();
    }

    @Test
    void rarpsReachThePhysicalHostTaggedAndTheLearningSwitchMovesTheMacsToTheGateway() throws Exception {
        SeedTopology topology = SeedTopology.build(testbed, List.of("hv_gw"), true);
        OvsHost gw = topology.gateway("hv_gw");
        OvsHost hv3 = topology.hypervisor(3);
        OvnCentral central = topology.central();
        Network physical = topology.physical();
        agent = GatewayHarness.startAgent(gw);
        topology.setPhysicalHostVlan(VLAN);
        String gatewayPort = physical.attachmentPortName(gw, topology.physicalBridge());
        String hv3Port = physical.attachmentPortName(hv3, "br-phys");

        // Stale locations: frames from vif3 with the VMs' MACs as source (to nobody) put them behind hv3.
        for (String mac : MACS) {
            hv3.appctl("netdev-dummy/receive", "vif3", "f00000ffffff" + hex(mac) + "1234");
        }
        eventually("the physical switch has the MACs behind hv3", () -> MACS.stream()
                .allMatch(mac -> physical.learnedPort(mac, VLAN).equals(Optional.of(hv3Port))));
        Path hv3Uplink = hv3.rundir().resolve("br-phys_" + physical.name() + "-rx.pcap");
        Path vif3 = hv3.rundir().resolve("vif3-tx.pcap");
        int uplinkBefore = PcapFile.frames(hv3Uplink).size();
        int vif3Before = PcapFile.frames(vif3).size();

        // The agent starts serving the port: it announces every MAC of the switch out of the physical side.
        // on its VLAN before it names the gateway: an agent that serves an untagged port announces untagged
        topology.addGatewayPortByHand("lp-gw", null);
        central.nbctl("set", "Logical_Switch_Port", "lp-gw", "tag_request=" + VLAN);
        eventually("northd gave lp-gw tag " + VLAN, () ->
                central.sbFind("Port_Binding", "tag", "logical_port=lp-gw").equals(List.of("100")));
        central.nbctl("lsp-set-options", "lp-gw", "network_name=" + SeedTopology.NETWORK, "l2gateway-chassis=hv_gw");
        eventually("the agent claimed lp-gw on VLAN " + VLAN, () ->
                central.sbFind("Port_Binding", "up", "logical_port=lp-gw").equals(List.of("true"))
                        && central.sbFind("Port_Binding", "tag", "logical_port=lp-gw").equals(List.of("100")));
        eventually("hv3 received a tagged RARP for each MAC", () -> MACS.stream()
                .allMatch(mac -> newFrames(hv3Uplink, uplinkBefore).contains(taggedRarp(mac))));
        eventually("vif3, an access port on VLAN " + VLAN + ", gets them untagged", () -> MACS.stream()
                .allMatch(mac -> newFrames(vif3, vif3Before).contains(untaggedRarp(mac))));
        for (String mac : MACS) {
            eventually(mac + " learned behind the gateway", () ->
                    physical.learnedPort(mac, VLAN).equals(Optional.of(gatewayPort)));
        }
        List<String> received = newFrames(hv3Uplink, uplinkBefore);
        assertTrue(received.stream().allMatch(f -> MACS.stream().anyMatch(m -> taggedRarp(m).equals(f))),
                "nothing but tagged RARPs of the switch's MACs: " + received);

        // The port goes away: the series stops with it.
        central.nbctl("lsp-del", "lp-gw");
        eventually("the agent no longer serves lp-gw", () -> agent.gateway().lastPlan().servedPorts()
                .isEmpty());
        FrameProbe.sleep(500); // what was sent before the release may still be crossing the simulated hosts
        List<String> beforeStop = newFrames(hv3Uplink, uplinkBefore);
        FrameProbe.sleep(4500); // at least one more send (at 1, 3 or 7 s) would have come by now
        assertEquals(beforeStop, newFrames(hv3Uplink, uplinkBefore), "nothing is sent once the port is released");
    }

    private static List<String> newFrames(Path pcap, int before) {
        List<String> frames = PcapFile.frames(pcap);
        return List.copyOf(frames.subList(Math.min(before, frames.size()), frames.size()));
    }

    private static String untaggedRarp(String mac) {
        String ea = hex(mac);
        return "ffffffffffff" + ea + "8035" + "0001080006040003" + ea + "00000000" + ea + "00000000";
    }

    private static String taggedRarp(String mac) {
        String untagged = untaggedRarp(mac);
        return untagged.substring(0, 24) + String.format("8100%04x", VLAN) + untagged.substring(24);
    }

    private static String hex(String mac) {
        return mac.replace(":", "");
    }
}
