package org.ovnl2gw.agent.openflow;

import io.netty.buffer.ByteBuf;

/** The header shared by multipart requests and replies: type, flags, 4 bytes pad. */
final class MultipartCodec {
    static final int HEADER_LENGTH = 8;

    private MultipartCodec() {
    }

    static void writeHeader(ByteBuf out, int multipartType) {
        out.writeShort(multipartType);
        out.writeShort(0);
        out.writeZero(4);
    }

    static int type(byte[] body) {
        return ((body[0] & 0xff) << 8) | (body[1] & 0xff);
    }

    static boolean hasMore(byte[] body) {
        return body.length >= 4 && (body[3] & OfType.MULTIPART_MORE) != 0;
    }
}
