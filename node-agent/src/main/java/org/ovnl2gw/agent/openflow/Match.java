package org.ovnl2gw.agent.openflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An immutable OpenFlow match. Field order does not matter for equality (OVS reports fields in
 * its own order); fields we do not model, seen only when dumping flows someone else wrote, are
 * kept as raw OXM bytes so such a flow can still be compared and deleted strictly.
 */
public final class Match {
    /** OFPVID_PRESENT: set in vlan_vid values of tagged frames. */
    public static final int VID_PRESENT = 0x1000;
    /** OFPVID_NONE: vlan_vid value that matches frames without an 802.1Q header. */
    public static final int VID_NONE = 0;

    private static final Match ANY = new Match(List.of(), List.of());

    private final List<MatchField> fields;
    private final List<RawBytes> unknownFields;

    private Match(List<MatchField> fields, List<RawBytes> unknownFields) {
        this.fields = List.copyOf(fields);
        this.unknownFields = List.copyOf(unknownFields);
    }

    /** The match that matches every packet. */
    public static Match any() {
        return ANY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Known fields, in {@link OxmField} order. */
    public List<MatchField> fields() {
        return fields;
    }

    /** OXM TLVs (header included) of fields this model does not know. */
    public List<RawBytes> unknownFields() {
        return unknownFields;
    }

    public MatchField field(OxmField field) {
        return fields.stream().filter(f -> f.field() == field).findFirst().orElse(null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Match m && fields.equals(m.fields) && unknownFields.equals(m.unknownFields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields, unknownFields);
    }

    @Override
    public String toString() {
        return Stream.concat(fields.stream().map(MatchField::toString),
                unknownFields.stream().map(r -> "oxm(" + r + ")")).collect(Collectors.joining(","));
    }

    /** Typed construction; the last value given for a field wins. */
    public static final class Builder {
        private final Map<OxmField, MatchField> fields = new EnumMap<>(OxmField.class);
        private final List<RawBytes> unknown = new ArrayList<>();

        private Builder() {
        }

        public Builder field(MatchField field) {
            fields.put(field.field(), field);
            return this;
        }

        public Builder inPort(long ofport) {
            return field(MatchField.exact(OxmField.IN_PORT, ofport));
        }

        /** Frames tagged with this VLAN id (0..4095). */
        public Builder vlanVid(int vid) {
            return field(MatchField.exact(OxmField.VLAN_VID, VID_PRESENT | checkVid(vid)));
        }

        /** Raw OXM vlan_vid value and mask (value includes {@link #VID_PRESENT} where needed). */
        public Builder vlanVidMasked(int value, int mask) {
            return field(MatchField.masked(OxmField.VLAN_VID, value, mask));
        }

        /** Frames with no 802.1Q header at all (OFPVID_NONE). */
        public Builder untagged() {
            return field(MatchField.exact(OxmField.VLAN_VID, VID_NONE));
        }

        public Builder ethDst(String mac) {
            return field(MatchField.exact(OxmField.ETH_DST, MacAddresses.parse(mac)));
        }

        public Builder ethDst(String mac, String mask) {
            return field(MatchField.masked(OxmField.ETH_DST, MacAddresses.parse(mac), MacAddresses.parse(mask)));
        }

        /** Group addresses (broadcast and multicast): the I/G bit set. */
        public Builder ethDstMulticast() {
            return ethDst("01:00:00:00:00:00", "01:00:00:00:00:00");
        }

        public Builder metadata(long value) {
            return field(MatchField.exact(OxmField.METADATA, value));
        }

        public Builder metadata(long value, long mask) {
            return field(MatchField.masked(OxmField.METADATA, value, mask));
        }

        public Builder reg(int n, long value) {
            return field(MatchField.exact(OxmField.reg(n), value));
        }

        public Builder reg(int n, long value, long mask) {
            return field(MatchField.masked(OxmField.reg(n), value, mask));
        }

        public Builder tunId(long vni) {
            return field(MatchField.exact(OxmField.TUN_ID, vni));
        }

        public Builder tunMetadata0(long value) {
            return field(MatchField.exact(OxmField.TUN_METADATA0, value));
        }

        public Builder tunMetadata0(long value, long mask) {
            return field(MatchField.masked(OxmField.TUN_METADATA0, value, mask));
        }

        Builder unknown(RawBytes oxm) {
            unknown.add(oxm);
            return this;
        }

        public Match build() {
            if (fields.isEmpty() && unknown.isEmpty()) {
                return ANY;
            }
            List<RawBytes> sortedUnknown = new ArrayList<>(unknown);
            sortedUnknown.sort(Comparator.comparing(RawBytes::toString));
            return new Match(new ArrayList<>(fields.values()), sortedUnknown);
        }

        private static int checkVid(int vid) {
            if (vid < 0 || vid > 4095) {
                throw new IllegalArgumentException("VLAN id out of range: " + vid);
            }
            return vid;
        }
    }
}
