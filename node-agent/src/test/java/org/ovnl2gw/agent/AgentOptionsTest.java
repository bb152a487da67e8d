package org.ovnl2gw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {
    private static final String[] FILES = {"--ssl-key", "k.pem", "--ssl-cert", "c.pem", "--ssl-ca", "ca.pem"};

    private static String[] with(String... args) {
        String[] all = new String[args.length + FILES.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(FILES, 0, all, args.length, FILES.length);
        return all;
    }

    @Test
    void sslFilesGoWithAnSslSouthbound() {
        AgentOptions ok = AgentOptions.parse(with("--ovn-sb-db", "ssl:10.0.0.1:6642"));
        assertEquals(Path.of("k.pem"), ok.ssl().orElseThrow().privateKey());
        assertMessage("is not an ssl: remote", with("--ovn-sb-db", "tcp:10.0.0.1:6642"));
        assertMessage("is not an ssl: remote", with("--ovn-sb-db", "unix:/run/ovn/ovnsb_db.sock"));
        assertMessage("is not ssl: in every member", with("--ovn-sb-db", "ssl:10.0.0.1:6642,tcp:10.0.0.2:6642"));
        assertMessage("is an ssl: remote: give --ssl-key", "--ovn-sb-db", "ssl:10.0.0.1:6642");
        assertMessage("--ovs-db ssl:10.0.0.1:6640 is an ssl: remote", "--ovs-db", "ssl:10.0.0.1:6640");
        assertMessage("go together", "--ovn-sb-db", "ssl:10.0.0.1:6642", "--ssl-key", "k.pem");
        assertMessage("--ovn-sb-db: OVSDB remote 'http:x:1' has unknown transport", "--ovn-sb-db", "http:x:1");
    }

    @Test
    void withoutASouthboundOptionTheFilesWaitForOvnRemote() {
        // the remote comes from external_ids:ovn-remote later; ChassisConfig checks it then
        assertTrue(AgentOptions.parse(FILES).ssl().isPresent());
        assertTrue(AgentOptions.parse().ssl().isEmpty());
    }

    private static void assertMessage(String part, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse(args));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
