package org.ovnl2gw.agent.openflow;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * OFPT_PACKET_OUT bodies (OpenFlow 1.3 §7.3.7): buffer_id, in_port, actions_len, 6 bytes of padding,
 * the actions, then the frame. We never use switch buffers (buffer_id = OFP_NO_BUFFER, the frame travels
 * in the message) and inject as the controller (in_port = OFPP_CONTROLLER), which is what
 * {@code ovs-ofctl -O OpenFlow13 packet-out br in_port=controller packet=... actions=...} sends.
 */
final class PacketOutCodec {
    static final long NO_BUFFER = 0xffffffffL;
    /** Fixed part of ofp_packet_out after the header. */
    static final int FIXED_LENGTH = 16;
    /** What fits in one message: the 16-bit length field counts the 8-byte header too. */
    static final int MAX_BODY = 0xffff - OfMessage.HEADER_LENGTH;

    private PacketOutCodec() {
    }

    static byte[] encode(PacketOut packet) {
        ByteBuf actions = Unpooled.buffer();
        ActionCodec.encode(packet.actions(), actions);
        byte[] frame = packet.frame().toArray();
        int length = FIXED_LENGTH + actions.readableBytes() + frame.length;
        if (length > MAX_BODY) {
            throw new OpenFlowCodecException("packet out of " + length + " bytes exceeds one OpenFlow message");
        }
        ByteBuf out = Unpooled.buffer(length);
        out.writeInt((int) NO_BUFFER);
        out.writeInt((int) Action.PORT_CONTROLLER);
        out.writeShort(actions.readableBytes());
        out.writeZero(6);
        out.writeBytes(actions);
        out.writeBytes(frame);
        return ByteBufUtil.getBytes(out);
    }
}
