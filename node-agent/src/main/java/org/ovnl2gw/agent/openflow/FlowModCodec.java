package org.ovnl2gw.agent.openflow;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;

/** OFPT_FLOW_MOD bodies (OpenFlow 1.3 §7.3.4.1) for each kind of {@link FlowChange}. */
final class FlowModCodec {
    static final int OFPFC_ADD = 0;
    static final int OFPFC_MODIFY_STRICT = 2;
    static final int OFPFC_DELETE = 3;
    static final int OFPFC_DELETE_STRICT = 4;
    static final long OFPP_ANY = 0xffffffffL;
    static final long OFPG_ANY = 0xffffffffL;
    static final long NO_BUFFER = 0xffffffffL;
    /** Fixed part of ofp_flow_mod after the header, before the match. */
    static final int FIXED_LENGTH = 40;

    private FlowModCodec() {
    }

    static byte[] encode(FlowChange change) {
        if (change instanceof FlowChange.Add a) {
            return encode(OFPFC_ADD, a.flow(), a.flow().cookie(), 0, a.hardTimeout(), a.flow().instructions());
        }
        if (change instanceof FlowChange.Modify m) {
            return encode(OFPFC_MODIFY_STRICT, m.flow(), m.flow().cookie(), 0, 0, m.flow().instructions());
        }
        if (change instanceof FlowChange.Delete d) {
            return encode(OFPFC_DELETE_STRICT, d.flow(), 0, 0, 0, List.of());
        }
        if (change instanceof FlowChange.DeleteByCookie d) {
            ByteBuf out = Unpooled.buffer();
            writeFixed(out, d.cookie(), d.cookieMask(), d.table(), OFPFC_DELETE, 0, 0);
            MatchCodec.encode(Match.any(), out);
            return ByteBufUtil.getBytes(out);
        }
        throw new IllegalArgumentException("unknown change " + change);
    }

    private static byte[] encode(int command, Flow flow, long cookie, long cookieMask, int hardTimeout,
                                 List<Instruction> instructions) {
        ByteBuf out = Unpooled.buffer();
        writeFixed(out, cookie, cookieMask, flow.table(), command, flow.priority(), hardTimeout);
        MatchCodec.encode(flow.match(), out);
        InstructionCodec.encode(instructions, out);
        return ByteBufUtil.getBytes(out);
    }

    private static void writeFixed(ByteBuf out, long cookie, long cookieMask, int table, int command, int priority,
                                   int hardTimeout) {
        out.writeLong(cookie);
        out.writeLong(cookieMask);
        out.writeByte(table);
        out.writeByte(command);
        out.writeShort(0); // idle_timeout: our flows live until we remove them (or their lease ends)
        out.writeShort(hardTimeout); // none: flows stay until we delete them
        out.writeShort(priority);
        out.writeInt((int) NO_BUFFER);
        out.writeInt((int) OFPP_ANY);
        out.writeInt((int) OFPG_ANY);
        out.writeShort(0); // flags
        out.writeZero(2);
    }
}
