package org.ovnl2gw.agent.openflow;

/** OpenFlow 1.3 message types and the extension identifiers carried in experimenter messages. */
final class OfType {
    static final int HELLO = 0;
    static final int ERROR = 1;
    static final int ECHO_REQUEST = 2;
    static final int ECHO_REPLY = 3;
    static final int EXPERIMENTER = 4;
    static final int FEATURES_REQUEST = 5;
    static final int FEATURES_REPLY = 6;
    static final int PORT_STATUS = 12;
    static final int PACKET_OUT = 13;
    static final int FLOW_MOD = 14;
    static final int MULTIPART_REQUEST = 18;
    static final int MULTIPART_REPLY = 19;
    static final int BARRIER_REQUEST = 20;
    static final int BARRIER_REPLY = 21;

    /** Nicira's experimenter id (NX_VENDOR_ID). */
    static final long NICIRA = 0x00002320L;
    /** ONF's experimenter id, used by the OpenFlow 1.3 bundle extension. */
    static final long ONF = 0x4F4E4600L;

    static final int MULTIPART_FLOW = 1;
    static final int MULTIPART_AGGREGATE = 2;
    static final int MULTIPART_PORT_DESC = 13;
    /** OFPMPF_REPLY_MORE: more reply messages follow. */
    static final int MULTIPART_MORE = 1;

    private OfType() {
    }

    static String name(int type) {
        return switch (type) {
            case HELLO -> "HELLO";
            case ERROR -> "ERROR";
            case ECHO_REQUEST -> "ECHO_REQUEST";
            case ECHO_REPLY -> "ECHO_REPLY";
            case EXPERIMENTER -> "EXPERIMENTER";
            case FEATURES_REQUEST -> "FEATURES_REQUEST";
            case FEATURES_REPLY -> "FEATURES_REPLY";
            case PORT_STATUS -> "PORT_STATUS";
            case PACKET_OUT -> "PACKET_OUT";
            case FLOW_MOD -> "FLOW_MOD";
            case MULTIPART_REQUEST -> "MULTIPART_REQUEST";
            case MULTIPART_REPLY -> "MULTIPART_REPLY";
            case BARRIER_REQUEST -> "BARRIER_REQUEST";
            case BARRIER_REPLY -> "BARRIER_REPLY";
            default -> "TYPE_" + type;
        };
    }
}
