package org.ovnl2gw.agent.openflow;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/** Nicira experimenter messages: the TLV table mod, request and reply (nicira-ext.h). */
final class NiciraCodec {
    static final int NXT_TLV_TABLE_MOD = 24;
    static final int NXT_TLV_TABLE_REQUEST = 25;
    static final int NXT_TLV_TABLE_REPLY = 26;
    static final int NXTTMC_ADD = 0;
    static final int NXTTMC_DELETE = 1;
    static final int NXTTMC_CLEAR = 2;

    private NiciraCodec() {
    }

    static byte[] tlvTableMod(int command, List<TlvMapping> mappings) {
        ByteBuf out = experimenterHeader(NXT_TLV_TABLE_MOD);
        out.writeShort(command);
        out.writeZero(6);
        for (TlvMapping m : mappings) {
            out.writeShort(m.optionClass());
            out.writeByte(m.optionType());
            out.writeByte(m.optionLength());
            out.writeShort(m.index());
            out.writeZero(2);
        }
        return ByteBufUtil.getBytes(out);
    }

    static byte[] tlvTableRequest() {
        return ByteBufUtil.getBytes(experimenterHeader(NXT_TLV_TABLE_REQUEST));
    }

    static TlvTable decodeTlvTableReply(byte[] body) {
        ByteBuf in = Unpooled.wrappedBuffer(body);
        if (in.readUnsignedInt() != OfType.NICIRA || in.readInt() != NXT_TLV_TABLE_REPLY) {
            throw new OpenFlowCodecException("not an NXT_TLV_TABLE_REPLY");
        }
        long maxOptionSpace = in.readUnsignedInt();
        int maxFields = in.readUnsignedShort();
        in.skipBytes(10);
        List<TlvMapping> mappings = new ArrayList<>();
        while (in.readableBytes() >= 8) {
            int cls = in.readUnsignedShort();
            int type = in.readUnsignedByte();
            int len = in.readUnsignedByte();
            int index = in.readUnsignedShort();
            in.skipBytes(2);
            mappings.add(new TlvMapping(cls, type, len, index));
        }
        return new TlvTable(maxOptionSpace, maxFields, mappings);
    }

    /** Experimenter id and subtype of an OFPT_EXPERIMENTER body, as {@code (id << 32) | subtype}. */
    static long experimenterKey(byte[] body) {
        if (body.length < 8) {
            return -1;
        }
        return Unpooled.wrappedBuffer(body).readLong();
    }

    private static ByteBuf experimenterHeader(int subtype) {
        ByteBuf out = Unpooled.buffer();
        out.writeInt((int) OfType.NICIRA);
        out.writeInt(subtype);
        return out;
    }
}
