package org.ovnl2gw.agent.openflow;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * OFPMP_FLOW and OFPMP_AGGREGATE request and reply bodies (OpenFlow 1.3 §7.3.5.2, §7.3.5.3), multipart header
 * included: the two requests select flows alike; one reply lists them, the other only counts them.
 */
final class FlowStatsCodec {
    /** ofp_flow_stats fixed part before the match. */
    private static final int STATS_FIXED_LENGTH = 48;

    private FlowStatsCodec() {
    }

    static byte[] request(int table, long cookie, long cookieMask) {
        return selection(OfType.MULTIPART_FLOW, table, cookie, cookieMask);
    }

    static byte[] aggregateRequest(int table, long cookie, long cookieMask) {
        return selection(OfType.MULTIPART_AGGREGATE, table, cookie, cookieMask);
    }

    /** The flow count of an ofp_aggregate_stats_reply body (after packet and byte counts). */
    static long decodeAggregateFlowCount(byte[] body) {
        ByteBuf in = Unpooled.wrappedBuffer(body);
        if (in.readableBytes() < MultipartCodec.HEADER_LENGTH + 24) {
            throw new OpenFlowCodecException("aggregate stats reply of " + body.length + " bytes");
        }
        in.skipBytes(MultipartCodec.HEADER_LENGTH + 8 + 8);
        return in.readUnsignedInt();
    }

    private static byte[] selection(int multipartType, int table, long cookie, long cookieMask) {
        ByteBuf out = Unpooled.buffer();
        MultipartCodec.writeHeader(out, multipartType);
        out.writeByte(table);
        out.writeZero(3);
        out.writeInt((int) FlowModCodec.OFPP_ANY);
        out.writeInt((int) FlowModCodec.OFPG_ANY);
        out.writeZero(4);
        out.writeLong(cookie);
        out.writeLong(cookieMask);
        MatchCodec.encode(Match.any(), out);
        return ByteBufUtil.getBytes(out);
    }

    /** The flows in one reply body (after the multipart header). */
    static List<Flow> decodeReply(byte[] body) {
        ByteBuf in = Unpooled.wrappedBuffer(body);
        in.skipBytes(MultipartCodec.HEADER_LENGTH);
        List<Flow> flows = new ArrayList<>();
        while (in.isReadable()) {
            int start = in.readerIndex();
            int length = in.readUnsignedShort();
            if (length < STATS_FIXED_LENGTH || start + length > in.writerIndex()) {
                throw new OpenFlowCodecException("flow stats entry length " + length);
            }
            int table = in.readUnsignedByte();
            in.skipBytes(1 + 4 + 4); // pad, duration_sec, duration_nsec
            int priority = in.readUnsignedShort();
            in.skipBytes(2 + 2 + 2 + 4); // idle, hard, flags, pad
            long cookie = in.readLong();
            in.skipBytes(8 + 8); // packet and byte counts
            Match match = MatchCodec.decode(in);
            List<Instruction> instructions = InstructionCodec.decode(in, start + length);
            flows.add(new Flow(table, priority, cookie, match, instructions));
            in.readerIndex(start + length);
        }
        return flows;
    }
}
