package org.ovnl2gw.agent.openflow;

/**
 * One Geneve option to tun_metadata mapping (Nicira nx_tlv_map).
 *
 * @param optionClass Geneve option class, e.g. 0x0102 (OVN)
 * @param optionType option type, e.g. 0x80
 * @param optionLength option length in bytes, a multiple of 4
 * @param index n of NXM_NX_TUN_METADATA n
 */
public record TlvMapping(int optionClass, int optionType, int optionLength, int index) {

    /** OVN's option: class 0x0102 type 0x80, 4 bytes, in tun_metadata0. */
    public static final TlvMapping OVN_GENEVE = new TlvMapping(0x0102, 0x80, 4, 0);

    public TlvMapping {
        if (optionLength % 4 != 0 || optionLength <= 0 || optionLength > 124) {
            throw new IllegalArgumentException("option length must be a positive multiple of 4: " + optionLength);
        }
    }

    @Override
    public String toString() {
        return "{class=0x" + Integer.toHexString(optionClass) + ",type=0x" + Integer.toHexString(optionType)
                + ",len=" + optionLength + "}->tun_metadata" + index;
    }
}
