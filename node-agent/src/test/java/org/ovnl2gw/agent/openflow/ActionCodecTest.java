package org.ovnl2gw.agent.openflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionCodecTest {

    private static String hex(Action... actions) {
        ByteBuf out = Unpooled.buffer();
        ActionCodec.encode(List.of(actions), out);
        return HexFormat.of().formatHex(ByteBufUtil.getBytes(out));
    }

    private static List<Action> decode(String hex) {
        ByteBuf in = Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
        return ActionCodec.decode(in, in.writerIndex());
    }

    @Test
    void layoutsMatchTheSpec() {
        assertEquals("0000" + "0010" + "00000003" + "0000" + "000000000000", hex(Action.output(3)));
        assertEquals("0011" + "0008" + "8100" + "0000", hex(Action.pushVlan()));
        assertEquals("0012" + "0008" + "00000000", hex(Action.popVlan()));
        // set_field vlan_vid: header 0x80000c02, value 0x1064, padded to 16
        assertEquals("0019" + "0010" + "80000c02" + "1064" + "000000000000", hex(Action.setVlanVid(100)));
        assertEquals("0019" + "0010" + "00015004" + "00030002" + "00000000", hex(Action.setTunMetadata0(0x30002)));
        assertEquals("0019" + "0010" + "00012008" + "0000000000000001", hex(Action.setTunId(1)));
        // NXAST_RESUBMIT_TABLE: vendor 0x2320, subtype 14, in_port 0xfff8, table
        assertEquals("ffff" + "0010" + "00002320" + "000e" + "fff8" + "0a" + "000000", hex(Action.resubmit(10)));
    }

    @Test
    void actionListsRoundTrip() {
        List<Action> actions = List.of(Action.setTunId(1), Action.setTunMetadata0(0x38000), Action.output(2),
                Action.output(3), Action.pushVlan(), Action.setVlanVid(4095), Action.popVlan(), Action.setReg(13, 9),
                Action.resubmit(20), Action.output(Action.PORT_CONTROLLER));
        ByteBuf out = Unpooled.buffer();
        ActionCodec.encode(actions, out);
        assertEquals(actions, ActionCodec.decode(out, out.writerIndex()));
    }

    @Test
    void standardTunnelIdInSetFieldDecodesAsTunId() {
        assertEquals(List.of(Action.setTunId(1)), decode("0019" + "0010" + "80004c08" + "0000000000000001"));
    }

    @Test
    void trimmedTunMetadataDecodesToTheSameValue() {
        // OVS reports set_field:0x30002->tun_metadata0 with leading zero bytes trimmed (length 3)
        assertEquals(List.of(Action.setTunMetadata0(0x30002)), decode("0019" + "0010" + "00015003" + "030002"
                + "0000000000"));
    }

    @Test
    void unknownActionsAreKeptWhole() {
        // OFPAT_DEC_NW_TTL (24)
        String hex = "0018" + "0008" + "00000000";
        List<Action> decoded = decode(hex);
        assertEquals(Action.Raw.class, decoded.get(0).getClass());
        assertEquals(hex, hex(decoded.toArray(Action[]::new)));
    }
}
