package org.ovnl2gw.testbed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the frames ovs-vswitchd's dummy netdevs write with {@code options:tx_pcap}/{@code rxq_pcap}:
 * classic libpcap format, read as hex strings. A record still being written is not returned.
 */
public final class PcapFile {
    private PcapFile() {
    }

    public static List<String> frames(Path file) {
        byte[] data;
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TestbedException("cannot read " + file, e);
        }
        List<String> frames = new ArrayList<>();
        if (data.length < 24) {
            return frames;
        }
        ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int magic = buf.getInt(0);
        if (magic != 0xa1b2c3d4) {
            buf.order(ByteOrder.BIG_ENDIAN);
        }
        int pos = 24;
        while (pos + 16 <= data.length) {
            int captured = buf.getInt(pos + 8);
            if (captured < 0 || pos + 16 + captured > data.length) {
                break;
            }
            frames.add(HexFormat.of().formatHex(data, pos + 16, pos + 16 + captured));
            pos += 16 + captured;
        }
        return frames;
    }
}
