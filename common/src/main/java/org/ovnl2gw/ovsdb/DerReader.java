package org.ovnl2gw.ovsdb;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Just enough of ASN.1 DER (X.690) to take a private key apart: tag, definite length, contents. Anything
 * else (indefinite lengths, multi-byte tags) is not DER a key file would hold, and is refused.
 */
final class DerReader {
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OBJECT_IDENTIFIER = 0x06;
    static final int SEQUENCE = 0x30;

    private final byte[] data;
    private int pos;
    private final int end;

    DerReader(byte[] data) {
        this(data, 0, data.length);
    }

    private DerReader(byte[] data, int from, int to) {
        this.data = data;
        this.pos = from;
        this.end = to;
    }

    boolean hasMore() {
        return pos < end;
    }

    int peekTag() {
        need(1);
        return data[pos] & 0xff;
    }

    /** The next element, which must carry this tag, as a reader over its contents. */
    DerReader read(int tag) {
        int actual = peekTag();
        if (actual != tag) {
            throw new IllegalArgumentException(String.format("expected DER tag 0x%02x at offset %d, found 0x%02x",
                    tag, pos, actual));
        }
        pos++;
        int length = length();
        need(length);
        DerReader contents = new DerReader(data, pos, pos + length);
        pos += length;
        return contents;
    }

    BigInteger readInteger() {
        DerReader r = read(INTEGER);
        if (r.end == r.pos) {
            throw new IllegalArgumentException("empty DER INTEGER");
        }
        return new BigInteger(Arrays.copyOfRange(data, r.pos, r.end));
    }

    byte[] readOctetString() {
        return read(OCTET_STRING).rest();
    }

    /** An OBJECT IDENTIFIER in dotted notation. */
    String readOid() {
        byte[] b = read(OBJECT_IDENTIFIER).rest();
        if (b.length == 0) {
            throw new IllegalArgumentException("empty DER OBJECT IDENTIFIER");
        }
        StringBuilder s = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (byte x : b) {
            value = (value << 7) | (x & 0x7f);
            if ((x & 0x80) == 0) {
                if (first) {
                    long top = Math.min(value / 40, 2);
                    s.append(top).append('.').append(value - 40 * top);
                    first = false;
                } else {
                    s.append('.').append(value);
                }
                value = 0;
            }
        }
        return s.toString();
    }

    /** The remaining bytes of this element's contents. */
    byte[] rest() {
        byte[] b = Arrays.copyOfRange(data, pos, end);
        pos = end;
        return b;
    }

    private int length() {
        need(1);
        int first = data[pos++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int bytes = first & 0x7f;
        if (bytes == 0 || bytes > 3) {
            throw new IllegalArgumentException("unsupported DER length form 0x" + Integer.toHexString(first));
        }
        need(bytes);
        int length = 0;
        for (int i = 0; i < bytes; i++) {
            length = (length << 8) | (data[pos++] & 0xff);
        }
        return length;
    }

    private void need(int n) {
        if (n < 0 || pos + n > end) {
            throw new IllegalArgumentException("truncated DER at offset " + pos);
        }
    }
}
