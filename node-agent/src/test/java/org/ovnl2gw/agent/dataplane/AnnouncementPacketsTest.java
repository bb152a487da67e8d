package org.ovnl2gw.agent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Inet4Address;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.openflow.Action;
import org.ovnl2gw.agent.openflow.PacketOut;

class AnnouncementPacketsTest {
    private static final Inet4Address IP = Announcement.parseIpv4("10.0.0.1").orElseThrow();

    @Test
    void rarpIsComposedAsOvsComposeRarp() {
        assertEquals("ffffffffffff" // broadcast
                + "f00000000001" // source: the MAC announced
                + "8035" // RARP
                + "0001" + "0800" + "06" + "04" // Ethernet, IPv4, address lengths 6 and 4
                + "0003" // request reverse
                + "f00000000001" + "00000000" // sender: the MAC, 0.0.0.0
                + "f00000000001" + "00000000", // target: the MAC, 0.0.0.0
                hex(AnnouncementPackets.rarp("f0:00:00:00:00:01")));
    }

    @Test
    void gratuitousArpIsARequestForItsOwnAddress() {
        assertEquals("ffffffffffff" + "f00000000001" + "0806"
                + "0001" + "0800" + "06" + "04"
                + "0001" // request
                + "f00000000001" + "0a000001" // sender: the MAC, 10.0.0.1
                + "000000000000" + "0a000001", // target: no MAC, 10.0.0.1
                hex(AnnouncementPackets.gratuitousArp("f0:00:00:00:00:01", IP)));
    }

    @Test
    void macCaseDoesNotMatter() {
        assertEquals(hex(AnnouncementPackets.rarp("aa:bb:cc:dd:ee:0f")),
                hex(AnnouncementPackets.frame(Announcement.rarp("AA:BB:CC:DD:EE:0F"))));
    }

    @Test
    void untaggedPortGetsAPlainOutputTaggedPortThePushFirst() {
        assertEquals(List.of(Action.output(7)), AnnouncementPackets.actions(7, 0));
        assertEquals(List.of(Action.pushVlan(), Action.setVlanVid(100), Action.output(7)),
                AnnouncementPackets.actions(7, 100));
        assertThrows(IllegalArgumentException.class, () -> AnnouncementPackets.actions(0, 0));
        assertThrows(IllegalArgumentException.class, () -> AnnouncementPackets.actions(Action.PORT_NORMAL, 0));
        assertThrows(IllegalArgumentException.class, () -> AnnouncementPackets.actions(7, 4095));
        assertThrows(IllegalArgumentException.class, () -> AnnouncementPackets.actions(7, -1));
    }

    @Test
    void onePacketOutPerAnnouncementInOrder() {
        List<PacketOut> packets = AnnouncementPackets.packetOuts(3, 100,
                List.of(Announcement.rarp("f0:00:00:00:00:01"), Announcement.garp("f0:00:00:00:00:02", IP)));
        List<Action> tagged = List.of(Action.pushVlan(), Action.setVlanVid(100), Action.output(3));
        assertEquals(List.of(PacketOut.of(AnnouncementPackets.rarp("f0:00:00:00:00:01"), tagged),
                PacketOut.of(AnnouncementPackets.gratuitousArp("f0:00:00:00:00:02", IP), tagged)), packets);
    }

    @Test
    void portBindingMacEntriesBecomeAGarpPerIpv4OrOneRarp() {
        assertEquals(List.of(Announcement.rarp("f0:00:00:00:00:01")),
                Announcement.fromPortBindingMac("f0:00:00:00:00:01"));
        assertEquals(List.of(Announcement.garp("f0:00:00:00:00:01", IP),
                        Announcement.garp("f0:00:00:00:00:01", Announcement.parseIpv4("10.0.0.2").orElseThrow())),
                Announcement.fromPortBindingMac("f0:00:00:00:00:01 10.0.0.1 fd00::1 10.0.0.2/24 10.0.0.1"));
        assertEquals(List.of(Announcement.rarp("f0:00:00:00:00:03")),
                Announcement.fromPortBindingMac("  f0:00:00:00:00:03   fd00::3 "), "IPv6 only: RARP");
        for (String none : List.of("unknown", "router", "dynamic", "", "f0:00:00:00:00")) {
            assertEquals(List.of(), Announcement.fromPortBindingMac(none), none);
        }
        assertEquals(List.of(Announcement.rarp("f0:00:00:00:00:01"), Announcement.garp("f0:00:00:00:00:02", IP)),
                Announcement.fromPortBindingMacs(List.of("f0:00:00:00:00:01", "unknown", "f0:00:00:00:00:02 10.0.0.1",
                        "F0:00:00:00:00:01")));
    }

    @Test
    void ipv4LiteralsOnlyNeverNames() {
        assertEquals(Optional.empty(), Announcement.parseIpv4("localhost"));
        assertEquals(Optional.empty(), Announcement.parseIpv4("10.0.0.256"));
        assertEquals(Optional.empty(), Announcement.parseIpv4("10.0.0"));
        assertEquals(Optional.empty(), Announcement.parseIpv4("10..0.1"));
        assertEquals("192.168.1.254", Announcement.parseIpv4("192.168.1.254").orElseThrow().getHostAddress());
        assertThrows(IllegalArgumentException.class, () -> Announcement.rarp("f0:00:00:00:00:0g"));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
