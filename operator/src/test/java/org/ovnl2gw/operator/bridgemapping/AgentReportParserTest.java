package org.ovnl2gw.operator.bridgemapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.contract.ChassisKeys;
import org.ovnl2gw.contract.MappingResult;
import org.ovnl2gw.contract.Ownership;

class AgentReportParserTest {
    private static final String STATUS = ChassisKeys.BRIDGE_MAPPINGS_STATUS;

    @Test
    void anOvnControllerChassisIsNoAgent() {
        assertTrue(AgentReportParser.parse("hv1", Map.of("ovn-bridge-mappings", "physnet1:br-ex"), Map.of())
                .isEmpty());
    }

    @Test
    void readsEveryMappingAndTheNodeName() {
        AgentReport report = AgentReportParser.parse("chassis-7", Map.of(
                ChassisKeys.NODE, "worker-1",
                STATUS, "{\"bm1\":{\"ready\":true,\"reason\":\"Applied\",\"message\":\"br-phys up\"},"
                        + "\"bm2\":{\"ready\":false,\"reason\":\"UplinkMissing\",\"message\":\"no eth9\"}}"),
                Map.of()).orElseThrow();
        assertEquals("worker-1", report.node());
        assertEquals(new MappingResult(true, "Applied", "br-phys up"), report.mappings().get("bm1"));
        assertEquals(new MappingResult(false, "UplinkMissing", "no eth9"), report.mappings().get("bm2"));
        assertEquals(Optional.empty(), report.unreadable());
    }

    @Test
    void nodeNameDefaultsToTheChassisName() {
        AgentReport report = AgentReportParser.parse("gw1", Map.of(STATUS, "{}"), Map.of()).orElseThrow();
        assertEquals("gw1", report.node());
        assertTrue(report.mappings().isEmpty());
    }

    @Test
    void aMarkedChassisWithoutADocumentIsAnAgentThatReportedNothing() {
        AgentReport report = AgentReportParser.parse("gw1", Map.of(),
                Map.of(Ownership.OWNER_KEY, Ownership.NODE_AGENT)).orElseThrow();
        assertTrue(report.mappings().isEmpty());
        assertFalse(report.unreadable().isPresent());
    }

    @Test
    void brokenDocumentsAreReportedNotThrown() {
        assertTrue(AgentReportParser.parse("gw1", Map.of(STATUS, "{not json"), Map.of()).orElseThrow()
                .unreadable().orElseThrow().contains("not JSON"));
        assertTrue(AgentReportParser.parse("gw1", Map.of(STATUS, "[1,2]"), Map.of()).orElseThrow()
                .unreadable().orElseThrow().contains("not a JSON object"));
        MappingResult noReady = AgentReportParser.parse("gw1", Map.of(STATUS, "{\"bm\":{\"reason\":\"X\"}}"),
                Map.of()).orElseThrow().mappings().get("bm");
        assertFalse(noReady.ready());
        assertEquals("AgentReportUnreadable", noReady.reason());
    }

    @Test
    void missingOrMalformedReasonsGetAPlainOne() {
        AgentReport report = AgentReportParser.parse("gw1", Map.of(STATUS,
                "{\"a\":{\"ready\":true},\"b\":{\"ready\":false,\"reason\":\"bad reason!\"}}"), Map.of()).orElseThrow();
        assertEquals(new MappingResult(true, "Applied", ""), report.mappings().get("a"));
        assertEquals("NotApplied", report.mappings().get("b").reason());
    }
}
