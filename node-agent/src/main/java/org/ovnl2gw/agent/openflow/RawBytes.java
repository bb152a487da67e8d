package org.ovnl2gw.agent.openflow;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable byte string with value equality: undecoded wire parts kept verbatim. */
public final class RawBytes {
    private final byte[] bytes;

    public RawBytes(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public byte[] toArray() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawBytes r && Arrays.equals(bytes, r.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
