package org.ovnl2gw.agent.openflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MatchCodecTest {

    static String encodeHex(Match m) {
        ByteBuf out = Unpooled.buffer();
        MatchCodec.encode(m, out);
        return HexFormat.of().formatHex(ByteBufUtil.getBytes(out));
    }

    static Match decodeHex(String hex) {
        ByteBuf in = Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
        Match m = MatchCodec.decode(in);
        assertFalse(in.isReadable(), "decode consumes the padding too");
        return m;
    }

    @Test
    void inPortAndVlanHaveTheOpenFlow13Layout() {
        Match m = Match.builder().inPort(1).vlanVid(100).build();
        // type OXM, length 18, in_port (0x8000/0, 4 bytes), vlan_vid (0x8000/6, 2 bytes) = 0x1000|100, pad to 24
        assertEquals("0001" + "0012" + "80000004" + "00000001" + "80000c02" + "1064" + "000000000000",
                encodeHex(m));
    }

    @Test
    void emptyMatchIsTypeLengthAndPad() {
        assertEquals("0001000400000000", encodeHex(Match.any()));
    }

    @Test
    void niciraFieldsUseClassOneWithMasks() {
        Match m = Match.builder().tunMetadata0(3, 0xffff).build();
        // NXM_NX_TUN_METADATA0 = class 1, field 40, hasmask, 8 bytes of value+mask
        assertEquals("0001" + "0010" + "00015108" + "00000003" + "0000ffff", encodeHex(m));
        Match regs = Match.builder().reg(15, 7).tunId(1).build();
        assertEquals("0001" + "0018" + "00011e04" + "00000007" + "00012008" + "0000000000000001",
                encodeHex(regs));
    }

    @Test
    void everyFieldRoundTrips() {
        Match m = Match.builder().inPort(7).vlanVidMasked(0x1000, 0x1000).ethDst("f0:00:00:00:00:02")
                .metadata(0x1234, 0xffff).reg(0, 1).reg(9, 0x10, 0xf0).reg(15, 0xffffffffL).tunId(0xabcdef)
                .tunMetadata0(0x38000, 0xffff).build();
        assertEquals(m, decodeHex(encodeHex(m)));
        Match multicast = Match.builder().ethDstMulticast().untagged().build();
        assertEquals(multicast, decodeHex(encodeHex(multicast)));
    }

    @Test
    void fullMaskAndValueOutsideMaskAreNormalisedAsOvsReportsThem() {
        assertEquals(Match.builder().vlanVid(100).build(), Match.builder().vlanVidMasked(0x1064, 0x1fff).build());
        assertEquals(Match.builder().tunMetadata0(3, 0xffff).build(),
                Match.builder().tunMetadata0(0x70003, 0xffff).build());
        assertNotEquals(Match.builder().untagged().build(), Match.builder().vlanVidMasked(0, 0x1000).build());
    }

    @Test
    void fieldOrderDoesNotMatter() {
        assertEquals(Match.builder().tunId(1).inPort(2).build(), Match.builder().inPort(2).tunId(1).build());
        // OVS sends in_port after tun_id; decode must still give the same match.
        Match decoded = decodeHex("0001" + "0018" + "00012008" + "0000000000000001" + "80000004" + "00000002");
        assertEquals(Match.builder().inPort(2).tunId(1).build(), decoded);
    }

    @Test
    void standardTunnelIdHeaderDecodesAsTunId() {
        Match decoded = decodeHex("0001" + "0010" + "80004c08" + "0000000000000001");
        assertEquals(Match.builder().tunId(1).build(), decoded);
    }

    @Test
    void unknownFieldsAreKeptVerbatimAndReencoded() {
        // eth_type (0x8000/5) = 0x0800, not modelled
        String hex = "0001" + "000a" + "80000a02" + "0800" + "000000000000";
        Match decoded = decodeHex(hex);
        assertEquals(1, decoded.unknownFields().size());
        assertEquals(hex, encodeHex(decoded));
    }
}
