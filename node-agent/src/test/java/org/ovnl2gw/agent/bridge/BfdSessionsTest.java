package org.ovnl2gw.agent.bridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BfdSessionsTest {
    private static final Map<String, String> ON = BfdSessions.config(100, false);

    @Test
    void downOnlyOnEvidence() {
        assertTrue(BfdSessions.isDown(ON, Map.of("state", "down", "forwarding", "false",
                "diagnostic", "Control Detection Time Expired")), "the peer stopped answering");
        assertTrue(BfdSessions.isDown(ON, Map.of("state", "up", "forwarding", "false",
                "remote_diagnostic", "Concatenated Path Down")), "the peer stepped down itself");
        assertFalse(BfdSessions.isDown(ON, Map.of("state", "down", "forwarding", "false",
                "diagnostic", "No Diagnostic")), "never came up, or our switch just restarted");
        assertFalse(BfdSessions.isDown(ON, Map.of("state", "up", "forwarding", "true")));
        assertFalse(BfdSessions.isDown(Map.of(), Map.of("forwarding", "false",
                "diagnostic", "Control Detection Time Expired")), "BFD is off on that tunnel");
    }
}
