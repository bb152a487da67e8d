package org.ovnl2gw.agent.openflow;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** OFPMP_PORT_DESC request and reply (ofp_port, 64 bytes each; OpenFlow 1.3 §7.2.1). */
final class PortDescCodec {
    private static final int PORT_LENGTH = 64;
    private static final int OFPPS_LINK_DOWN = 1;

    private PortDescCodec() {
    }

    static byte[] request() {
        ByteBuf out = Unpooled.buffer();
        MultipartCodec.writeHeader(out, OfType.MULTIPART_PORT_DESC);
        return ByteBufUtil.getBytes(out);
    }

    static List<PortDescription> decodeReply(byte[] body) {
        ByteBuf in = Unpooled.wrappedBuffer(body);
        in.skipBytes(MultipartCodec.HEADER_LENGTH);
        List<PortDescription> ports = new ArrayList<>();
        while (in.readableBytes() >= PORT_LENGTH) {
            long portNo = in.readUnsignedInt();
            in.skipBytes(4);
            long mac = MatchCodec.readValue(in, 6);
            in.skipBytes(2);
            byte[] name = new byte[16];
            in.readBytes(name);
            in.skipBytes(4); // config
            long state = in.readUnsignedInt();
            in.skipBytes(24); // curr, advertised, supported, peer, curr_speed, max_speed
            ports.add(new PortDescription(portNo, cString(name), MacAddresses.format(mac),
                    (state & OFPPS_LINK_DOWN) != 0));
        }
        return ports;
    }

    private static String cString(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.US_ASCII);
    }
}
