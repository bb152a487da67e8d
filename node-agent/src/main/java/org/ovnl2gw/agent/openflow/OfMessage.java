package org.ovnl2gw.agent.openflow;

/**
 * One OpenFlow message as framed on the wire: the 8-byte header's fields and the body after it.
 * The codecs build and read bodies; the connection only moves these.
 */
record OfMessage(int version, int type, long xid, byte[] body) {

    /** OpenFlow 1.3 wire version. */
    static final int VERSION_1_3 = 0x04;
    static final int HEADER_LENGTH = 8;

    static OfMessage of(int type, long xid, byte[] body) {
        return new OfMessage(VERSION_1_3, type, xid, body);
    }

    int length() {
        return HEADER_LENGTH + body.length;
    }

    @Override
    public String toString() {
        return "OfMessage[type=" + OfType.name(type) + ", xid=" + xid + ", body=" + body.length + " bytes]";
    }
}
