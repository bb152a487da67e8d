package org.ovnl2gw.agent.dataplane;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.ovnl2gw.agent.openflow.Action;
import org.ovnl2gw.agent.openflow.PacketOut;

/**
 * The packet outs that announce addresses out of a served port's patch port, composed as Open vSwitch's
 * {@code compose_rarp} and {@code compose_arp} (lib/packets.c) compose them for ovn-controller's
 * {@code send_garp_rarp}: 42-byte frames, not padded (the NIC pads), broadcast.
 *
 * <ul>
 *   <li>RARP: ethertype 0x8035, opcode 3 (request reverse), sender and target hardware address the MAC,
 *       both protocol addresses 0.0.0.0.</li>
 *   <li>Gratuitous ARP: ethertype 0x0806, opcode 1 (request), sender MAC and IP, target hardware address
 *       zero, target IP the same IP.</li>
 * </ul>
 *
 * The VLAN is pushed by the packet out's actions, exactly as the logical-to-physical flows tag frames for
 * that port ({@link GatewayFlows}), so an announcement leaves the physical bridge as the port's traffic does.
 */
public final class AnnouncementPackets {
    static final int ETHERTYPE_ARP = 0x0806;
    static final int ETHERTYPE_RARP = 0x8035;
    static final int ARP_OP_REQUEST = 1;
    static final int ARP_OP_RARP = 3;
    static final int FRAME_LENGTH = 14 + 28;
    private static final byte[] BROADCAST = {-1, -1, -1, -1, -1, -1};
    private static final byte[] ZERO_MAC = new byte[6];
    private static final byte[] ZERO_IP = new byte[4];

    private AnnouncementPackets() {
    }

    /**
     * One packet out per announcement, each output to {@code patchOfport} and tagged with {@code tag} when
     * it is not 0.
     */
    public static List<PacketOut> packetOuts(long patchOfport, int tag, List<Announcement> announcements) {
        List<Action> actions = actions(patchOfport, tag);
        List<PacketOut> packets = new ArrayList<>(announcements.size());
        for (Announcement a : announcements) {
            packets.add(PacketOut.of(frame(a), actions));
        }
        return packets;
    }

    /** Push the tag (when not 0) and output, as the logical-to-physical flows do for the port. */
    static List<Action> actions(long patchOfport, int tag) {
        if (patchOfport < 1 || patchOfport >= 0xffffff00L) {
            throw new IllegalArgumentException("not a physical or patch port number: " + patchOfport);
        }
        if (tag < 0 || tag > 4094) {
            throw new IllegalArgumentException("VLAN tag out of range (0 = untagged, 1..4094): " + tag);
        }
        return tag == 0 ? List.of(Action.output(patchOfport))
                : List.of(Action.pushVlan(), Action.setVlanVid(tag), Action.output(patchOfport));
    }

    static byte[] frame(Announcement announcement) {
        return announcement.ipv4().map(ip -> gratuitousArp(announcement.mac(), ip))
                .orElseGet(() -> rarp(announcement.mac()));
    }

    static byte[] rarp(String mac) {
        byte[] ea = macBytes(mac);
        return arpFrame(ETHERTYPE_RARP, ARP_OP_RARP, BROADCAST, ea, ZERO_IP, ea, ZERO_IP);
    }

    static byte[] gratuitousArp(String mac, Inet4Address ip) {
        byte[] ea = macBytes(mac);
        byte[] address = ip.getAddress();
        return arpFrame(ETHERTYPE_ARP, ARP_OP_REQUEST, BROADCAST, ea, address, ZERO_MAC, address);
    }

    private static byte[] arpFrame(int ethertype, int opcode, byte[] ethDst, byte[] sha, byte[] spa, byte[] tha,
                                   byte[] tpa) {
        ByteBuffer out = ByteBuffer.allocate(FRAME_LENGTH);
        out.put(ethDst).put(sha).putShort((short) ethertype);
        out.putShort((short) 1); // hardware type: Ethernet
        out.putShort((short) 0x0800); // protocol type: IPv4
        out.put((byte) 6).put((byte) 4); // address lengths
        out.putShort((short) opcode);
        out.put(sha).put(spa).put(tha).put(tpa);
        return out.array();
    }

    private static byte[] macBytes(String mac) {
        String[] parts = mac.split(":");
        byte[] bytes = new byte[6];
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }
}
