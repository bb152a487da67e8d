package org.ovnl2gw.agent.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The frames a dummy netdev's {@code tx_pcap} gained since the last call, as hex, reading only the new
 * bytes (the probe loop calls it every millisecond). A record still being written is read next time.
 */
final class PcapTail {
    private static final int FILE_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private final Path file;
    private long offset = FILE_HEADER;
    private ByteOrder order;

    PcapTail(Path file) {
        this.file = file;
    }

    /** Skips what the file holds now: later calls return only frames written from here on. */
    PcapTail atEnd() {
        next();
        return this;
    }

    List<String> next() {
        List<String> frames = new ArrayList<>();
        if (!Files.exists(file)) {
            return frames;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length < FILE_HEADER) {
                return frames;
            }
            if (order == null) {
                byte[] magic = new byte[4];
                raf.readFully(magic);
                order = ByteBuffer.wrap(magic).order(ByteOrder.LITTLE_ENDIAN).getInt() == 0xa1b2c3d4
                        ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            }
            while (offset + RECORD_HEADER <= length) {
                byte[] header = new byte[RECORD_HEADER];
                raf.seek(offset);
                raf.readFully(header);
                int captured = ByteBuffer.wrap(header).order(order).getInt(8);
                if (captured < 0 || offset + RECORD_HEADER + captured > length) {
                    break;
                }
                byte[] frame = new byte[captured];
                raf.readFully(frame);
                frames.add(HexFormat.of().formatHex(frame));
                offset += RECORD_HEADER + captured;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return frames;
    }
}
