package org.ovnl2gw.agent.openflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nicira TLV messages, ONF bundles, errors and hello: the byte layouts OVS expects. */
class ExtensionCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void tlvTableModAddLayout() {
        byte[] body = NiciraCodec.tlvTableMod(NiciraCodec.NXTTMC_ADD, List.of(TlvMapping.OVN_GENEVE));
        assertEquals("00002320" + "00000018" + "0000" + "000000000000" + "0102" + "80" + "04" + "0000" + "0000",
                HEX.formatHex(body));
    }

    @Test
    void tlvTableReplyDecodes() {
        byte[] body = HEX.parseHex("00002320" + "0000001a" + "00000100" + "0040" + "00000000000000000000"
                + "0102" + "80" + "04" + "0000" + "0000");
        TlvTable table = NiciraCodec.decodeTlvTableReply(body);
        assertEquals(new TlvTable(256, 64, List.of(TlvMapping.OVN_GENEVE)), table);
        assertTrue(table.contains(TlvMapping.OVN_GENEVE));
    }

    @Test
    void bundleControlAndAddLayouts() {
        assertEquals("4f4e4600" + "000008fc" + "00000007" + "0000" + "0003",
                HEX.formatHex(BundleCodec.control(7, BundleCodec.OPEN_REQUEST, 3)));
        OfMessage inner = OfMessage.of(OfType.BARRIER_REQUEST, 0x55, new byte[0]);
        // inner message keeps the outer xid the caller gave it
        assertEquals("4f4e4600" + "000008fd" + "00000007" + "0000" + "0003" + "04" + "14" + "0008" + "00000055",
                HEX.formatHex(BundleCodec.add(7, 3, inner)));
        assertEquals(BundleCodec.COMMIT_REPLY,
                BundleCodec.replyControlType(HEX.parseHex("4f4e4600" + "000008fc" + "00000007" + "0005" + "0003")));
    }

    @Test
    void errorsDecodeWithNames() {
        OpenFlowErrorException std = ErrorCodec.decode(HEX.parseHex("0002" + "0004" + "0401"));
        assertEquals("OFPBAC_BAD_OUT_PORT", std.errorName());
        assertEquals(2, std.type());
        assertEquals(4, std.code());
        assertEquals("0401", std.offendingMessage().toString());

        OpenFlowErrorException nx = ErrorCodec.decode(HEX.parseHex("ffff" + "0014" + "00002320" + "04040000"));
        assertEquals("NXTTMFC_ALREADY_MAPPED", nx.errorName());
        assertEquals(OfType.NICIRA, nx.experimenter());
        assertEquals(20, nx.code());

        OpenFlowErrorException onf = ErrorCodec.decode(HEX.parseHex("ffff" + "0909" + "4f4e4600"));
        assertEquals("OFPBFC_MSG_FAILED", onf.errorName());
    }

    @Test
    void helloNegotiatesDownTo13() {
        // OVS offers 1.0..1.5 in a bitmap with header version 6
        assertTrue(HelloCodec.peerAccepts13(6, HEX.parseHex("0001" + "0008" + "0000007e")));
        assertFalse(HelloCodec.peerAccepts13(6, HEX.parseHex("0001" + "0008" + "00000042")));
        assertTrue(HelloCodec.peerAccepts13(4, new byte[0]));
        assertFalse(HelloCodec.peerAccepts13(1, new byte[0]));
        assertEquals("0001" + "0008" + "00000010", HEX.formatHex(HelloCodec.encodeOffering13()));
    }

    @Test
    void endpointsParseOvsNotation() {
        assertEquals(OpenFlowEndpoint.unix(java.nio.file.Path.of("/run/br-int.mgmt")),
                OpenFlowEndpoint.parse("unix:/run/br-int.mgmt"));
        assertEquals(OpenFlowEndpoint.tcp("127.0.0.1", 6653), OpenFlowEndpoint.parse("tcp:127.0.0.1:6653"));
    }
}
