package org.ovnl2gw.agent.openflow;

import io.netty.buffer.ByteBuf;

/** ofp_match of type OFPMT_OXM (OpenFlow 1.3 §7.2.2): type, length, OXM TLVs, pad to 8. */
final class MatchCodec {
    private static final int OFPMT_OXM = 1;

    private MatchCodec() {
    }

    static void encode(Match match, ByteBuf out) {
        int start = out.writerIndex();
        out.writeShort(OFPMT_OXM);
        out.writeShort(0);
        for (MatchField f : match.fields()) {
            encodeField(f, out);
        }
        for (RawBytes raw : match.unknownFields()) {
            out.writeBytes(raw.toArray());
        }
        int length = out.writerIndex() - start;
        out.setShort(start + 2, length);
        out.writeZero(padTo8(length) - length);
    }

    static void encodeField(MatchField f, ByteBuf out) {
        out.writeInt(f.field().header(f.masked()));
        writeValue(out, f.value(), f.field().length());
        if (f.masked()) {
            writeValue(out, f.mask(), f.field().length());
        }
    }

    static Match decode(ByteBuf in) {
        int start = in.readerIndex();
        int type = in.readUnsignedShort();
        int length = in.readUnsignedShort();
        if (type != OFPMT_OXM) {
            throw new OpenFlowCodecException("match type " + type + " is not OXM");
        }
        if (length < 4) {
            throw new OpenFlowCodecException("match length " + length + " is too short");
        }
        Match.Builder b = Match.builder();
        int end = start + length;
        while (in.readerIndex() < end) {
            int header = in.getInt(in.readerIndex());
            int payload = header & 0xff;
            OxmField field = OxmField.fromHeader(header);
            boolean masked = (header & 0x100) != 0;
            int valueLength = masked ? payload / 2 : payload;
            if (field != null && (!masked || payload % 2 == 0) && field.acceptsLength(valueLength)) {
                in.skipBytes(4);
                long value = readValue(in, valueLength);
                long mask = masked ? readValue(in, valueLength) : 0;
                b.field(new MatchField(field, value, mask, masked));
            } else {
                byte[] raw = new byte[4 + payload];
                in.readBytes(raw);
                b.unknown(new RawBytes(raw));
            }
        }
        in.readerIndex(start + padTo8(length));
        return b.build();
    }

    /** Reads a set_field/OXM value of the given header from {@code in} (header already read). */
    static long readValue(ByteBuf in, int length) {
        long v = 0;
        for (int i = 0; i < length; i++) {
            v = (v << 8) | in.readUnsignedByte();
        }
        return v;
    }

    static void writeValue(ByteBuf out, long value, int length) {
        for (int i = length - 1; i >= 0; i--) {
            out.writeByte((int) (value >>> (8 * i)));
        }
    }

    static int padTo8(int length) {
        return (length + 7) & ~7;
    }
}
