package org.ovnl2gw.ovsdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The schemas the Debian packages install, parsed once for unit tests. */
final class TestSchemas {
    static final Path NB_FILE = Path.of("/usr/share/ovn/ovn-nb.ovsschema");
    static final Path SB_FILE = Path.of("/usr/share/ovn/ovn-sb.ovsschema");
    static final Path VSWITCH_FILE = Path.of("/usr/share/openvswitch/vswitch.ovsschema");
    static final DatabaseSchema NB = load(NB_FILE);

    private TestSchemas() {
    }

    static DatabaseSchema load(Path file) {
        try {
            return DatabaseSchema.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
