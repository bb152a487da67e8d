package org.ovnl2gw.ovsdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OvsdbRemoteTest {
    @Test
    void parsesEachTransportAndLists() {
        OvsdbRemote r = OvsdbRemote.parse("unix:/run/ovn/ovnnb_db.sock");
        assertEquals(OvsdbRemote.Endpoint.unix(Path.of("/run/ovn/ovnnb_db.sock")), r.endpoints().get(0));
        OvsdbRemote list = OvsdbRemote.parse("tcp:10.0.0.1:6641, ssl:[fd00::1]:6641,ssl:nb.example:6641");
        assertEquals(3, list.endpoints().size());
        assertEquals(OvsdbRemote.Endpoint.tcp("10.0.0.1", 6641), list.endpoints().get(0));
        assertEquals("fd00::1", list.endpoints().get(1).host());
        assertEquals(OvsdbRemote.Transport.SSL, list.endpoints().get(2).transport());
        assertTrue(list.usesSsl());
        assertEquals("tcp:10.0.0.1:6641,ssl:[fd00::1]:6641,ssl:nb.example:6641", list.toString());
    }

    @Test
    void badRemotesSayWhatIsWrong() {
        assertMessage("unknown transport http", "http:x:1");
        assertMessage("needs host:port", "tcp:6641");
        assertMessage("bad port", "tcp:h:99999");
        assertMessage("must start with unix:, tcp: or ssl:", "/run/db.sock");
    }

    private static void assertMessage(String expected, String remote) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OvsdbRemote.parse(remote));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
