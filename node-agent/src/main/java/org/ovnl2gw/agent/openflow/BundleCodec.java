package org.ovnl2gw.agent.openflow;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * The ONF bundle extension for OpenFlow 1.3 (experimenter 0x4F4E4600): bundle control
 * (exp_type 2300) and bundle add (2301), laid out as OpenFlow 1.4's ofp_bundle_ctrl_msg.
 */
final class BundleCodec {
    static final int ONFT_BUNDLE_CONTROL = 2300;
    static final int ONFT_BUNDLE_ADD_MESSAGE = 2301;

    static final int OPEN_REQUEST = 0;
    static final int OPEN_REPLY = 1;
    static final int COMMIT_REQUEST = 4;
    static final int COMMIT_REPLY = 5;
    static final int DISCARD_REQUEST = 6;
    static final int DISCARD_REPLY = 7;

    static final int FLAG_ATOMIC = 1;
    static final int FLAG_ORDERED = 2;

    private BundleCodec() {
    }

    static byte[] control(long bundleId, int controlType, int flags) {
        ByteBuf out = header(ONFT_BUNDLE_CONTROL);
        out.writeInt((int) bundleId);
        out.writeShort(controlType);
        out.writeShort(flags);
        return ByteBufUtil.getBytes(out);
    }

    /** A bundle add carrying {@code inner}, whose xid must equal the outer message's. */
    static byte[] add(long bundleId, int flags, OfMessage inner) {
        ByteBuf out = header(ONFT_BUNDLE_ADD_MESSAGE);
        out.writeInt((int) bundleId);
        out.writeShort(0);
        out.writeShort(flags);
        out.writeByte(inner.version());
        out.writeByte(inner.type());
        out.writeShort(inner.length());
        out.writeInt((int) inner.xid());
        out.writeBytes(inner.body());
        return ByteBufUtil.getBytes(out);
    }

    /** The control type of a bundle control reply body. */
    static int replyControlType(byte[] body) {
        ByteBuf in = Unpooled.wrappedBuffer(body);
        if (in.readUnsignedInt() != OfType.ONF || in.readInt() != ONFT_BUNDLE_CONTROL) {
            throw new OpenFlowCodecException("not an ONF bundle control reply");
        }
        in.skipBytes(4);
        return in.readUnsignedShort();
    }

    private static ByteBuf header(int expType) {
        ByteBuf out = Unpooled.buffer();
        out.writeInt((int) OfType.ONF);
        out.writeInt(expType);
        return out;
    }
}
