package org.ovnl2gw.agent.openflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketOutCodecTest {
    /** A RARP for f0:00:00:00:00:01, 42 bytes. */
    private static final String RARP = "ffffffffffff" + "f00000000001" + "8035"
            + "0001" + "0800" + "06" + "04" + "0003" + "f00000000001" + "00000000" + "f00000000001" + "00000000";

    /**
     * What {@code ovs-ofctl -O OpenFlow13 packet-out br0 "in_port=controller packet=<RARP>
     * actions=push_vlan:0x8100,set_field:4196->vlan_vid,output:5"} (OVS 3.1) wrote on the socket, read
     * through a relay in front of a real ovs-vswitchd; its xid was 6.
     */
    private static final String OVS_OFCTL_MESSAGE = "040d006a00000006"
            + "ffffffff" + "fffffffd" + "0028" + "000000000000"
            + "0011000881000000"
            + "001900108000" + "0c02" + "1064" + "000000000000"
            + "0000001000000005" + "0000000000000000"
            + RARP;

    @Test
    void taggedPacketOutIsWhatOvsOfctlSends() {
        PacketOut packet = PacketOut.of(HexFormat.of().parseHex(RARP),
                List.of(Action.pushVlan(), Action.setVlanVid(100), Action.output(5)));
        byte[] body = PacketOutCodec.encode(packet);
        assertEquals(OVS_OFCTL_MESSAGE, header(OfType.PACKET_OUT, 6, body) + HexFormat.of().formatHex(body));
    }

    @Test
    void untaggedPacketOutHasOnlyTheOutput() {
        byte[] body = PacketOutCodec.encode(PacketOut.of(HexFormat.of().parseHex(RARP), List.of(Action.output(7))));
        assertEquals("ffffffff" + "fffffffd" + "0010" + "000000000000" + "0000001000000007" + "0000000000000000" + RARP,
                HexFormat.of().formatHex(body));
    }

    @Test
    void tooShortOrTooLongFramesAreRefusedBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> PacketOut.of(new byte[13], List.of()));
        PacketOut huge = PacketOut.of(new byte[0xffff], List.of(Action.output(1)));
        assertThrows(OpenFlowCodecException.class, () -> PacketOutCodec.encode(huge));
    }

    @Test
    void framesCompareByValue() {
        assertEquals(PacketOut.of(HexFormat.of().parseHex(RARP), List.of(Action.output(1))),
                PacketOut.of(HexFormat.of().parseHex(RARP), List.of(Action.output(1))));
    }

    private static String header(int type, long xid, byte[] body) {
        return String.format("04%02x%04x%08x", type, OfMessage.HEADER_LENGTH + body.length, xid);
    }
}
