package org.ovnl2gw.agent.openflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ovnl2gw.testbed.Eventually.eventually;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.PcapFile;
import org.ovnl2gw.testbed.Testbed;

/**
 * Against a real ovs-vswitchd (dummy datapath): a packet out leaves exactly the port its actions name,
 * tagged when they push a VLAN, and a refused one fails with the switch's error while the session lives on.
 */
class PacketOutIT {
    private static final String RARP = "ffffffffffff" + "f00000000001" + "8035"
            + "0001080006040003" + "f00000000001" + "00000000" + "f00000000001" + "00000000";

    private Testbed testbed;
    private OvsHost host;
    private OpenFlowClient client;

    @BeforeEach
    void startSwitch() throws Exception {
        testbed = Testbed.create("poit");
        host = testbed.addHost("hv", OvsHost.DummyMode.OVERRIDE);
        host.vsctl("add-br", "br-int", "--", "set-fail-mode", "br-int", "secure",
                "--", "add-port", "br-int", "p1", "--", "set", "Interface", "p1", "type=dummy", "ofport_request=1",
                "options:tx_pcap=" + pcap("p1"),
                "--", "add-port", "br-int", "p2", "--", "set", "Interface", "p2", "type=dummy", "ofport_request=2",
                "options:tx_pcap=" + pcap("p2"));
        Path socket = host.rundir().resolve("br-int.mgmt");
        eventually("vswitchd listens on " + socket, () -> Files.exists(socket));
        client = OpenFlowClient.connect(OpenFlowEndpoint.unix(socket)).get(60, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopSwitch() {
        if (client != null) {
            client.close();
        }
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    void frameLeavesTheNamedPortTaggedAsTheActionsSay() throws Exception {
        client.packetOut(HexFormat.of().parseHex(RARP), List.of(Action.output(1))).get(60, TimeUnit.SECONDS);
        client.packetOut(HexFormat.of().parseHex(RARP),
                List.of(Action.pushVlan(), Action.setVlanVid(100), Action.output(1))).get(60, TimeUnit.SECONDS);

        String tagged = RARP.substring(0, 24) + "81000064" + RARP.substring(24);
        assertEquals(List.of(RARP, tagged), PcapFile.frames(pcap("p1")));
        assertEquals(List.of(), PcapFile.frames(pcap("p2")), "nothing leaves a port the actions do not name");
        String p1 = host.ofctl("dump-ports", "br-int", "1");
        assertTrue(p1.contains("tx pkts=2"), p1);
    }

    @Test
    void refusedPacketOutFailsWithTheSwitchsErrorAndTheSessionSurvives() throws Exception {
        CompletionException e = assertThrows(CompletionException.class, () -> client.packetOut(
                HexFormat.of().parseHex(RARP), List.of(Action.output(0xffffff00L))).join());
        OpenFlowErrorException error = assertInstanceOf(OpenFlowErrorException.class, e.getCause());
        assertEquals("OFPBAC_BAD_OUT_PORT", error.errorName());

        client.packetOuts(List.of(PacketOut.of(HexFormat.of().parseHex(RARP), List.of(Action.output(2))),
                PacketOut.of(HexFormat.of().parseHex(RARP), List.of(Action.output(2))))).get(60, TimeUnit.SECONDS);
        assertEquals(List.of(RARP, RARP), PcapFile.frames(pcap("p2")));
        assertEquals(List.of(), PcapFile.frames(pcap("p1")));
    }

    private Path pcap(String port) {
        return host.rundir().resolve(port + "-tx.pcap");
    }
}
