package org.ovnl2gw.agent.openflow;

import java.util.Locale;

/**
 * The match/set_field fields the data path uses, with their OXM (class 0x8000) or NXM
 * (Nicira class 0x0001) headers. OVS answers in OpenFlow 1.3 with the standard header where one
 * exists (tun_id comes back as OXM_OF_TUNNEL_ID), so a field may have a second header we accept.
 */
public enum OxmField {
    IN_PORT(Classes.OPENFLOW_BASIC, 0, 4, 0xffffffffL),
    METADATA(Classes.OPENFLOW_BASIC, 2, 8, -1L),
    ETH_DST(Classes.OPENFLOW_BASIC, 3, 6, 0xffffffffffffL),
    /** Value carries OFPVID_PRESENT (0x1000) for a tagged VID; 0 alone means "no VLAN header". */
    VLAN_VID(Classes.OPENFLOW_BASIC, 6, 2, 0x1fffL),
    REG0(Classes.NICIRA_1, 0, 4, 0xffffffffL),
    REG1(Classes.NICIRA_1, 1, 4, 0xffffffffL),
    REG2(Classes.NICIRA_1, 2, 4, 0xffffffffL),
    REG3(Classes.NICIRA_1, 3, 4, 0xffffffffL),
    REG4(Classes.NICIRA_1, 4, 4, 0xffffffffL),
    REG5(Classes.NICIRA_1, 5, 4, 0xffffffffL),
    REG6(Classes.NICIRA_1, 6, 4, 0xffffffffL),
    REG7(Classes.NICIRA_1, 7, 4, 0xffffffffL),
    REG8(Classes.NICIRA_1, 8, 4, 0xffffffffL),
    REG9(Classes.NICIRA_1, 9, 4, 0xffffffffL),
    REG10(Classes.NICIRA_1, 10, 4, 0xffffffffL),
    REG11(Classes.NICIRA_1, 11, 4, 0xffffffffL),
    REG12(Classes.NICIRA_1, 12, 4, 0xffffffffL),
    REG13(Classes.NICIRA_1, 13, 4, 0xffffffffL),
    REG14(Classes.NICIRA_1, 14, 4, 0xffffffffL),
    REG15(Classes.NICIRA_1, 15, 4, 0xffffffffL),
    TUN_ID(Classes.NICIRA_1, 16, 8, -1L),
    /** Length 4 is the one TLV map the design installs (class 0x0102 type 0x80 len 4). */
    TUN_METADATA0(Classes.NICIRA_1, 40, 4, 0xffffffffL);

    /** OXM classes used here. */
    static final class Classes {
        static final int NICIRA_1 = 0x0001;
        static final int OPENFLOW_BASIC = 0x8000;

        private Classes() {
        }
    }

    /** OXM_OF_TUNNEL_ID: how OVS reports tun_id in OpenFlow 1.3. */
    private static final int OXM_OF_TUNNEL_ID = 38;

    private final int oxmClass;
    private final int fieldCode;
    private final int length;
    private final long fullMask;

    OxmField(int oxmClass, int fieldCode, int length, long fullMask) {
        this.oxmClass = oxmClass;
        this.fieldCode = fieldCode;
        this.length = length;
        this.fullMask = fullMask;
    }

    /**
     * Whether OVS may report the field shorter than {@link #length()}: tun_metadata is variable
     * length, and OVS trims leading zero bytes when it encodes it (set_field:0x30002 comes back in
     * 3 bytes).
     */
    boolean variableLength() {
        return this == TUN_METADATA0;
    }

    /** Whether {@code valueLength} bytes is a length this field can arrive with. */
    boolean acceptsLength(int valueLength) {
        return valueLength == length || (variableLength() && valueLength > 0 && valueLength < length);
    }

    /** Value length in bytes (the mask, when present, has the same length). */
    public int length() {
        return length;
    }

    /** The mask that means "exact": OVS reports such a match without a mask. */
    public long fullMask() {
        return fullMask;
    }

    /** The 32-bit OXM header: class(16) field(7) hasmask(1) length(8). */
    int header(boolean masked) {
        int payload = masked ? 2 * length : length;
        return (oxmClass << 16) | (fieldCode << 9) | (masked ? 0x100 : 0) | payload;
    }

    /** The field for an OXM header's class and field code, or null if we do not model it. */
    static OxmField fromHeader(int header) {
        int cls = header >>> 16;
        int code = (header >>> 9) & 0x7f;
        if (cls == Classes.OPENFLOW_BASIC && code == OXM_OF_TUNNEL_ID) {
            return TUN_ID;
        }
        for (OxmField f : values()) {
            if (f.oxmClass == cls && f.fieldCode == code) {
                return f;
            }
        }
        return null;
    }

    /** The register field regN. */
    public static OxmField reg(int n) {
        if (n < 0 || n > 15) {
            throw new IllegalArgumentException("registers are reg0..reg15, not reg" + n);
        }
        return values()[REG0.ordinal() + n];
    }

    /** The name ovs-ofctl uses, for messages and toString. */
    public String ofctlName() {
        return switch (this) {
            case ETH_DST -> "dl_dst";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }
}
