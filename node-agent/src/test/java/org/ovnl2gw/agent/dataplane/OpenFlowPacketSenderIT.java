package org.ovnl2gw.agent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.openflow.PacketOut;
import org.ovnl2gw.testbed.OvsHost;
import org.ovnl2gw.testbed.PcapFile;
import org.ovnl2gw.testbed.Testbed;

/**
 * The announcer's own OpenFlow session against a real ovs-vswitchd: it connects on the first send and
 * comes back by itself after ovs-vswitchd restarts, the failed sends in between failing rather than hanging.
 */
class OpenFlowPacketSenderIT {
    private static final List<PacketOut> RARP = AnnouncementPackets.packetOuts(1, 100,
            List.of(Announcement.rarp("f0:00:00:00:00:01")));
    private static final String TAGGED_RARP = HexFormat.of().formatHex(AnnouncementPackets.rarp("f0:00:00:00:00:01"))
            .replaceFirst("^(.{24})", "$181000064");

    private Testbed testbed;
    private OvsHost host;
    private OpenFlowPacketSender sender;

    @BeforeEach
    void startSwitch() {
        testbed = Testbed.create("posit");
        host = testbed.addHost("hv", OvsHost.DummyMode.OVERRIDE);
        host.vsctl("add-br", "br-int", "--", "set-fail-mode", "br-int", "secure",
                "--", "add-port", "br-int", "p1", "--", "set", "Interface", "p1", "type=dummy", "ofport_request=1",
                "options:tx_pcap=" + pcap());
        sender = new OpenFlowPacketSender(host.rundir().resolve("br-int.mgmt"));
    }

    @AfterEach
    void stopSwitch() {
        if (sender != null) {
            sender.close();
        }
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    void connectsOnFirstUseAndAgainAfterTheSwitchRestarts() throws Exception {
        sendUntilAccepted();
        assertEquals(List.of(TAGGED_RARP), PcapFile.frames(pcap()));

        host.restartVswitchd();
        sendUntilAccepted();
        assertTrue(PcapFile.frames(pcap()).contains(TAGGED_RARP), "the frame left p1 after the restart too");
    }

    /** Sends until one send is accepted; each failure must come as a failed future, within the timeout. */
    private void sendUntilAccepted() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                sender.send(RARP).get(30, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private Path pcap() {
        return host.rundir().resolve("p1-tx.pcap");
    }
}
