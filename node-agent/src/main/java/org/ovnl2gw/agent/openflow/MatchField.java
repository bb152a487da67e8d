package org.ovnl2gw.agent.openflow;

import java.util.Objects;

/**
 * One field of a match, normalised the way OVS reports it back: a mask equal to the field's full
 * mask is dropped, and the value is cut to the mask, so what we send and what we dump compare
 * equal.
 *
 * @param field the field
 * @param value value in the low {@code field.length()} bytes
 * @param mask the mask; meaningful only when {@code masked}
 * @param masked whether a mask applies
 */
public record MatchField(OxmField field, long value, long mask, boolean masked) {

    public MatchField {
        Objects.requireNonNull(field, "field");
        long width = field.length() == 8 ? -1L : (1L << (8 * field.length())) - 1;
        value &= width;
        mask &= width;
        if (masked && mask == field.fullMask()) {
            masked = false;
        }
        if (masked) {
            value &= mask;
        } else {
            mask = 0;
        }
    }

    public static MatchField exact(OxmField field, long value) {
        return new MatchField(field, value, 0, false);
    }

    public static MatchField masked(OxmField field, long value, long mask) {
        return new MatchField(field, value, mask, true);
    }

    @Override
    public String toString() {
        String v = field == OxmField.ETH_DST ? MacAddresses.format(value) : "0x" + Long.toHexString(value);
        if (!masked) {
            return field.ofctlName() + "=" + v;
        }
        String m = field == OxmField.ETH_DST ? MacAddresses.format(mask) : "0x" + Long.toHexString(mask);
        return field.ofctlName() + "=" + v + "/" + m;
    }
}
