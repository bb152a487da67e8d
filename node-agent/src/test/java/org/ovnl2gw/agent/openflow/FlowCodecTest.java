package org.ovnl2gw.agent.openflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowCodecTest {
    static final Flow VLAN_IN = Flow.of(0, 100, 0xfeedL, Match.builder().inPort(1).vlanVid(100).build(),
            Action.popVlan(), Action.resubmit(10));
    static final Flow TO_PHYSICAL = Flow.of(20, 100, 0xfeedL, Match.builder().tunMetadata0(3, 0xffff).build(),
            Action.pushVlan(), Action.setVlanVid(100), Action.output(1));
    static final Flow DROP = Flow.of(10, 0, 0xfeedL, Match.any());
    static final Flow GOTO = new Flow(1, 5, 1, Match.builder().reg(3, 1).build(),
            List.of(Instruction.gotoTable(4), Instruction.apply(Action.setReg(3, 2))));

    @Test
    void flowModAddLayout() {
        byte[] body = FlowModCodec.encode(FlowChange.add(DROP));
        String hex = HexFormat.of().formatHex(body);
        assertEquals("000000000000feed" + "0000000000000000" + "0a" + "00" + "0000" + "0000" + "0000"
                + "ffffffff" + "ffffffff" + "ffffffff" + "0000" + "0000" + "0001000400000000", hex);
    }

    @Test
    void strictDeleteCarriesMatchAndPriorityButNoInstructions() {
        byte[] body = FlowModCodec.encode(FlowChange.delete(VLAN_IN));
        ByteBuf in = Unpooled.wrappedBuffer(body);
        assertEquals(0, in.getByte(16));
        assertEquals(FlowModCodec.OFPFC_DELETE_STRICT, in.getByte(17));
        assertEquals(100, in.getUnsignedShort(22));
        in.readerIndex(FlowModCodec.FIXED_LENGTH);
        assertEquals(VLAN_IN.match(), MatchCodec.decode(in));
        assertEquals(0, in.readableBytes());
    }

    @Test
    void deleteByCookieUsesNonStrictDeleteWithMask() {
        byte[] body = FlowModCodec.encode(new FlowChange.DeleteByCookie(0xff, 0xfeed, -1L));
        ByteBuf in = Unpooled.wrappedBuffer(body);
        assertEquals(0xfeed, in.getLong(0));
        assertEquals(-1L, in.getLong(8));
        assertEquals(0xff, in.getUnsignedByte(16));
        assertEquals(FlowModCodec.OFPFC_DELETE, in.getByte(17));
    }

    @Test
    void flowStatsReplyDecodesIntoTheSameFlows() {
        List<Flow> flows = List.of(VLAN_IN, TO_PHYSICAL, DROP, GOTO);
        assertEquals(flows, FlowStatsCodec.decodeReply(statsReply(flows)));
    }

    @Test
    void flowNormalisesLikeOvs() {
        assertEquals(DROP, new Flow(10, 0, 0xfeed, Match.any(), List.of()));
        assertEquals(List.of(Instruction.apply(Action.setReg(3, 2)), Instruction.gotoTable(4)), GOTO.instructions());
        assertEquals("cookie=0xfeed,table=0,priority=100,in_port=0x1,vlan_vid=0x1064 actions=pop_vlan,resubmit(,10)",
                VLAN_IN.toString());
    }

    /** What OVS sends: ofp_flow_stats entries after a multipart header. */
    static byte[] statsReply(List<Flow> flows) {
        ByteBuf out = Unpooled.buffer();
        MultipartCodec.writeHeader(out, OfType.MULTIPART_FLOW);
        for (Flow f : flows) {
            int start = out.writerIndex();
            out.writeShort(0);
            out.writeByte(f.table());
            out.writeZero(1 + 4 + 4);
            out.writeShort(f.priority());
            out.writeZero(2 + 2 + 2 + 4);
            out.writeLong(f.cookie());
            out.writeLong(42);
            out.writeLong(4200);
            MatchCodec.encode(f.match(), out);
            InstructionCodec.encode(f.instructions(), out);
            out.setShort(start, out.writerIndex() - start);
        }
        return ByteBufUtil.getBytes(out);
    }

    @Test
    void anAddCarriesNoTimeout() {
        Flow flow = Flow.of(0, 100, 0x6c32677700010003L, Match.builder().inPort(1).build(), Action.resubmit(10));
        byte[] plain = FlowModCodec.encode(FlowChange.add(flow));
        // ofp_flow_mod after the header: cookie(8) cookie_mask(8) table(1) command(1) idle(2) hard(2)
        assertEquals(0, ((plain[18] & 0xff) << 8) | (plain[19] & 0xff), "idle_timeout");
        assertEquals(0, ((plain[20] & 0xff) << 8) | (plain[21] & 0xff), "hard_timeout");
    }
}
