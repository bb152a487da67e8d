package org.ovnl2gw.agent.dataplane;

/**
 * Our OpenFlow table layout on br-int of a gateway chassis (nothing else programs that bridge there: the
 * gateway chassis runs no ovn-controller). Registers carry the logical context between tables.
 */
public final class GatewayTables {
    /** Classifies by input port: a patch port (from the physical network) or a tunnel (from the overlay). */
    public static final int CLASSIFY = 0;
    /** Frames from the physical network: choose the destination chassis and logical egress key. */
    public static final int PHYSICAL_TO_LOGICAL = 10;
    /** Frames from a tunnel: deliver to the patch port(s) whose port or multicast key they carry. */
    public static final int LOGICAL_TO_PHYSICAL = 20;

    /** reg0: the logical datapath tunnel key (the VNI) of the frame. */
    public static final int REG_DATAPATH = 0;
    /** reg1: the logical ingress port key (the l2gateway port a physical frame entered by). */
    public static final int REG_INGRESS_PORT = 1;

    /**
     * Upper 32 bits of every cookie we install: "l2gw". Lower 32 bits: 15 bits of datapath key and 16 bits of
     * port key, for people reading dumps.
     */
    public static final long COOKIE_OWNER = 0x6c32677700000000L;
    public static final long COOKIE_OWNER_MASK = 0xffffffff00000000L;

    /** Geneve option OVN uses for logical ports: class 0x0102, type 0x80, 4 bytes, mapped to tun_metadata0. */
    public static final int GENEVE_OPTION_CLASS = 0x0102;
    public static final int GENEVE_OPTION_TYPE = 0x80;
    public static final int GENEVE_OPTION_LENGTH = 4;

    private GatewayTables() {
    }

    static long cookie(long datapathKey, long portKey) {
        return COOKIE_OWNER | ((datapathKey & 0x7fff) << 16) | (portKey & 0xffff);
    }

}
