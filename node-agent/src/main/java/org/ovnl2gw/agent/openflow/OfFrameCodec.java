package org.ovnl2gw.agent.openflow;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageCodec;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.util.List;

/**
 * Frames the byte stream into {@link OfMessage}s by the header's 16-bit length, and back.
 */
final class OfFrameCodec extends ByteToMessageCodec<OfMessage> {
    private static final int MAX_MESSAGE = 0xffff;

    /** The splitter that must precede this codec in the pipeline. */
    static LengthFieldBasedFrameDecoder frameDecoder() {
        // length field at offset 2, 2 bytes, counts the whole message including the header.
        return new LengthFieldBasedFrameDecoder(MAX_MESSAGE, 2, 2, -4, 0);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, OfMessage msg, ByteBuf out) {
        if (msg.length() > MAX_MESSAGE) {
            throw new OpenFlowCodecException("message of " + msg.length() + " bytes exceeds 65535");
        }
        out.writeByte(msg.version());
        out.writeByte(msg.type());
        out.writeShort(msg.length());
        out.writeInt((int) msg.xid());
        out.writeBytes(msg.body());
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int version = in.readUnsignedByte();
        int type = in.readUnsignedByte();
        int length = in.readUnsignedShort();
        long xid = in.readUnsignedInt();
        byte[] body = new byte[length - OfMessage.HEADER_LENGTH];
        in.readBytes(body);
        out.add(new OfMessage(version, type, xid, body));
    }
}
