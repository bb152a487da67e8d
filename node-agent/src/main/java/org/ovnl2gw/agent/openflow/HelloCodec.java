package org.ovnl2gw.agent.openflow;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/** OFPT_HELLO with the version bitmap element (OpenFlow 1.3 §7.5.1) and version negotiation. */
final class HelloCodec {
    private static final int OFPHET_VERSIONBITMAP = 1;

    private HelloCodec() {
    }

    /** A hello body offering only OpenFlow 1.3. */
    static byte[] encodeOffering13() {
        ByteBuf out = Unpooled.buffer();
        out.writeShort(OFPHET_VERSIONBITMAP);
        out.writeShort(8);
        out.writeInt(1 << OfMessage.VERSION_1_3);
        return ByteBufUtil.getBytes(out);
    }

    /**
     * Whether a peer whose hello has this header version and body can speak 1.3 with us: by its
     * bitmap when it sends one, otherwise by the rule that both use the lower of the two versions.
     */
    static boolean peerAccepts13(int peerVersion, byte[] body) {
        ByteBuf in = Unpooled.wrappedBuffer(body);
        while (in.readableBytes() >= 4) {
            int start = in.readerIndex();
            int type = in.readUnsignedShort();
            int length = in.readUnsignedShort();
            if (length < 4 || start + length > in.writerIndex()) {
                break;
            }
            if (type == OFPHET_VERSIONBITMAP && length >= 8) {
                long firstWord = in.readUnsignedInt();
                return (firstWord & (1L << OfMessage.VERSION_1_3)) != 0;
            }
            in.readerIndex(start + MatchCodec.padTo8(length));
        }
        return peerVersion >= OfMessage.VERSION_1_3;
    }
}
