package org.ovnl2gw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.dataplane.Announcement;
import org.ovnl2gw.agent.dataplane.MacAnnouncer;
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
    private MacAnnouncer announcer;

    @BeforeEach
    void start() {
        testbed = Testbed.create("annc");
    }

    @AfterEach
    void stop() {
        if (announcer != null) {
            announcer.close();
        }
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
        topology.addGatewayPortByHand("lp-gw", "hv_gw");
        central.nbctl("set", "Logical_Switch_Port", "lp-gw", "tag_request=" + VLAN);
        topology.setPhysicalHostVlan(VLAN);
        GatewayHarness.eventually("the agent claimed lp-gw on VLAN " + VLAN, () ->
                central.sbFind("Port_Binding", "up", "logical_port=lp-gw").equals(List.of("true"))
                        && central.sbFind("Port_Binding", "tag", "logical_port=lp-gw").equals(List.of("100")));
        GatewayHarness.eventually("the gateway flows are in", () -> !GatewayHarness.ourFlows(gw).isEmpty());
        // the agent announces the port itself (on its VLAN, restarted when the tag arrives); stopped here, its flows
        // staying installed, so that only this test's series is counted below
        agent.close();
        agent = null;
        long patchOfport = Long.parseLong(gw.vsctl("get", "Interface", "patch-br-int-to-lp-gw", "ofport").strip());
        String gatewayPort = physical.attachmentPortName(gw, topology.physicalBridge());
        String hv3Port = physical.attachmentPortName(hv3, "br-phys");

        // Stale locations: frames from vif3 with the VMs' MACs as source (to nobody) put them behind hv3.
        for (String mac : MACS) {
            hv3.appctl("netdev-dummy/receive", "vif3", "f00000ffffff" + hex(mac) + "1234");
        }
        GatewayHarness.eventually("the physical switch has the MACs behind hv3", () -> MACS.stream()
                .allMatch(mac -> physical.learnedPort(mac, VLAN).equals(Optional.of(hv3Port))));

        Path hv3Uplink = hv3.rundir().resolve("br-phys_" + physical.name() + "-rx.pcap");
        Path vif3 = hv3.rundir().resolve("vif3-tx.pcap");
        int uplinkBefore = PcapFile.frames(hv3Uplink).size();
        int vif3Before = PcapFile.frames(vif3).size();

        announcer = MacAnnouncer.forBridge(gw.rundir(), "br-int", new ProblemLog()::report);
        announcer.announce("lp-gw", patchOfport, VLAN, MACS.stream().map(Announcement::rarp).toList());
        GatewayHarness.eventually("hv3 received a RARP for each MAC", () -> MACS.stream()
                .allMatch(mac -> newFrames(hv3Uplink, uplinkBefore).contains(taggedRarp(mac))));
        announcer.stop("lp-gw");
        FrameProbe.sleep(500); // what was sent before stop() returned may still be crossing the simulated hosts
        List<String> received = newFrames(hv3Uplink, uplinkBefore);
        int sends = (int) received.stream().filter(taggedRarp(MACS.get(0))::equals).count();
        System.out.println("hv3 received " + received.size() + " frames from the physical network, " + sends
                + " send(s) before stop");
        assertTrue(sends >= 1);
        assertEquals(MACS.size() * sends, received.size(), "one RARP per MAC per send, nothing else: " + received);
        for (String mac : MACS) {
            assertEquals(sends, received.stream().filter(taggedRarp(mac)::equals).count(), mac);
        }
        List<String> onVif3 = newFrames(vif3, vif3Before);
        for (String mac : MACS) {
            assertEquals(sends, onVif3.stream().filter(untaggedRarp(mac)::equals).count(),
                    "vif3, an access port on VLAN " + VLAN + ", gets them untagged: " + onVif3);
        }

        for (String mac : MACS) {
            assertEquals(Optional.of(gatewayPort), physical.learnedPort(mac, VLAN),
                    mac + " learned behind the gateway:\n" + physical.fdb());
        }

        FrameProbe.sleep(3500); // two more sends (at 1 s and 3 s) would have come by now
        assertEquals(received, newFrames(hv3Uplink, uplinkBefore), "nothing is sent after stop()");
        assertEquals(java.util.Set.of(), announcer.announcing());
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
