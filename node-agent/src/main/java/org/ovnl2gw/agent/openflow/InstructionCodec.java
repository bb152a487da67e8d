package org.ovnl2gw.agent.openflow;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** Instructions (OpenFlow 1.3 §7.2.4): goto_table and apply_actions; others kept raw. */
final class InstructionCodec {
    private static final int OFPIT_GOTO_TABLE = 1;
    private static final int OFPIT_APPLY_ACTIONS = 4;

    private InstructionCodec() {
    }

    static void encode(List<Instruction> instructions, ByteBuf out) {
        for (Instruction i : instructions) {
            if (i instanceof Instruction.GotoTable g) {
                out.writeShort(OFPIT_GOTO_TABLE);
                out.writeShort(8);
                out.writeByte(g.table());
                out.writeZero(3);
            } else if (i instanceof Instruction.ApplyActions a) {
                int start = out.writerIndex();
                out.writeShort(OFPIT_APPLY_ACTIONS);
                out.writeShort(0);
                out.writeZero(4);
                ActionCodec.encode(a.actions(), out);
                out.setShort(start + 2, out.writerIndex() - start);
            } else if (i instanceof Instruction.Raw r) {
                out.writeBytes(r.bytes().toArray());
            } else {
                throw new IllegalArgumentException("unknown instruction " + i);
            }
        }
    }

    /** Decodes instructions until {@code end} (an absolute reader index). */
    static List<Instruction> decode(ByteBuf in, int end) {
        List<Instruction> result = new ArrayList<>();
        while (in.readerIndex() < end) {
            int start = in.readerIndex();
            int type = in.getUnsignedShort(start);
            int length = in.getUnsignedShort(start + 2);
            if (length < 8 || start + length > end) {
                throw new OpenFlowCodecException("instruction length " + length + " at offset " + start);
            }
            if (type == OFPIT_GOTO_TABLE) {
                result.add(new Instruction.GotoTable(in.getUnsignedByte(start + 4)));
            } else if (type == OFPIT_APPLY_ACTIONS) {
                in.readerIndex(start + 8);
                result.add(new Instruction.ApplyActions(ActionCodec.decode(in, start + length)));
            } else {
                byte[] raw = new byte[length];
                in.getBytes(start, raw);
                result.add(new Instruction.Raw(new RawBytes(raw)));
            }
            in.readerIndex(start + length);
        }
        return result;
    }
}
