package org.ovnl2gw.agent.openflow;

import java.util.Objects;

/** The actions the data path needs; anything else read back from a switch is {@link Raw}. */
public sealed interface Action {

    /** OFPP_IN_PORT (OpenFlow 1.3 numbering): send back out of the input port. */
    long PORT_IN_PORT = 0xfffffff8L;
    /** OFPP_NORMAL: the traditional L2 switch. */
    long PORT_NORMAL = 0xfffffffaL;
    /** OFPP_CONTROLLER. */
    long PORT_CONTROLLER = 0xfffffffdL;
    /** OFPCML_NO_BUFFER: send whole packets to a controller. */
    int MAX_LEN_NO_BUFFER = 0xffff;

    static Action output(long port) {
        return new Output(port, port == PORT_CONTROLLER ? MAX_LEN_NO_BUFFER : 0);
    }

    static Action pushVlan() {
        return new PushVlan(0x8100);
    }

    static Action popVlan() {
        return new PopVlan();
    }

    /** set_field:(OFPVID_PRESENT|vid)->vlan_vid, the form OVS wants after push_vlan. */
    static Action setVlanVid(int vid) {
        if (vid < 0 || vid > 4095) {
            throw new IllegalArgumentException("VLAN id out of range: " + vid);
        }
        return new SetField(OxmField.VLAN_VID, Match.VID_PRESENT | vid);
    }

    static Action setTunId(long vni) {
        return new SetField(OxmField.TUN_ID, vni);
    }

    static Action setTunMetadata0(long value) {
        return new SetField(OxmField.TUN_METADATA0, value);
    }

    static Action setReg(int n, long value) {
        return new SetField(OxmField.reg(n), value);
    }

    /** Nicira resubmit(,table): run the packet through another table and come back. */
    static Action resubmit(int table) {
        return new Resubmit(Resubmit.IN_PORT_UNCHANGED, table);
    }

    record Output(long port, int maxLen) implements Action {
        @Override
        public String toString() {
            return "output:" + port;
        }
    }

    record PushVlan(int ethertype) implements Action {
        @Override
        public String toString() {
            return "push_vlan:0x" + Integer.toHexString(ethertype);
        }
    }

    record PopVlan() implements Action {
        @Override
        public String toString() {
            return "pop_vlan";
        }
    }

    /** A whole-field set (no mask). */
    record SetField(OxmField field, long value) implements Action {
        public SetField {
            Objects.requireNonNull(field, "field");
            value = MatchField.exact(field, value).value();
        }

        @Override
        public String toString() {
            return "set_field:0x" + Long.toHexString(value) + "->" + field.ofctlName();
        }
    }

    /**
     * NXAST_RESUBMIT_TABLE.
     *
     * @param inPort 16-bit OpenFlow 1.0 port number; {@link #IN_PORT_UNCHANGED} keeps the packet's
     * @param table table to search, 0..254
     */
    record Resubmit(int inPort, int table) implements Action {
        /** OFPP_IN_PORT in the 16-bit numbering Nicira actions use. */
        public static final int IN_PORT_UNCHANGED = 0xfff8;

        public Resubmit {
            if (table < 0 || table > 255) {
                throw new IllegalArgumentException("table out of range: " + table);
            }
        }

        @Override
        public String toString() {
            return "resubmit(" + (inPort == IN_PORT_UNCHANGED ? "" : Integer.toString(inPort)) + "," + table + ")";
        }
    }

    /** An action this model does not decode, kept whole (header included). */
    record Raw(RawBytes bytes) implements Action {
        @Override
        public String toString() {
            return "raw(" + bytes + ")";
        }
    }
}
