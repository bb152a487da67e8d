package org.ovnl2gw.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every value format of the contract: what the writer formats, the reader parses back unchanged. */
class ContractFormatsTest {

    @Test
    void bridgeMappingsRoundTripInOrder() {
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("physnet2", "br-b");
        ordered.put("physnet1", "br-a");
        BridgeMappings mappings = new BridgeMappings(ordered);
        assertEquals("physnet2:br-b,physnet1:br-a", mappings.format());
        assertEquals(mappings, BridgeMappings.parse(mappings.format()));
        assertEquals(List.of("physnet2", "physnet1"), List.copyOf(BridgeMappings.parse(mappings.format()).networks()));
    }

    @Test
    void bridgeMappingsSkipMalformedEntriesAndKeepTheFirstOfARepeatedNetwork() {
        BridgeMappings parsed = BridgeMappings.parse(" physnet1 : br-a ,nocolon,:br-x,net:,physnet1:br-b");
        assertEquals(Map.of("physnet1", "br-a"), parsed.bridgeByNetwork());
        assertEquals(Set.of(), BridgeMappings.parse(null).networks());
        assertEquals("", BridgeMappings.NONE.format());
    }

    @Test
    void candidatesRoundTripInOrder() {
        List<String> candidates = List.of("gw2", "gw1", "gw3");
        assertEquals(candidates, PortOptions.parseCandidates(PortOptions.formatCandidates(candidates)));
        assertEquals(List.of("a", "b"), PortOptions.parseCandidates(" a,,b , a"));
        assertEquals(List.of(), PortOptions.parseCandidates(null));
    }

    @Test
    void statusDocumentRoundTrips() {
        Map<String, MappingResult> results = new LinkedHashMap<>();
        results.put("bm-b", MappingResult.applied("applied physnet1 -> br-phys"));
        results.put("bm-a", MappingResult.failed(MappingResult.UPLINK_CONFLICT, "uplink eth1 is \"taken\""));
        String document = BridgeMappingsStatus.format(results);
        assertEquals("{\"bm-b\":{\"ready\":true,\"reason\":\"Applied\",\"message\":\"applied physnet1 -> br-phys\"},"
                + "\"bm-a\":{\"ready\":false,\"reason\":\"UplinkConflict\",\"message\":\"uplink eth1 is \\\"taken\\\"\"}}",
                document);
        assertEquals(new BridgeMappingsStatus.Parsed(results, Optional.empty()), BridgeMappingsStatus.parse(document));
    }

    @Test
    void statusDocumentReadsLeniently() {
        assertTrue(BridgeMappingsStatus.parse("{not json").unreadable().orElseThrow()
                .startsWith(ChassisKeys.BRIDGE_MAPPINGS_STATUS + " is not JSON"));
        assertEquals(Optional.of(ChassisKeys.BRIDGE_MAPPINGS_STATUS + " is not a JSON object"),
                BridgeMappingsStatus.parse("[1]").unreadable());
        assertEquals(Map.of(), BridgeMappingsStatus.parse(" ").results());
        Map<String, MappingResult> odd = BridgeMappingsStatus.parse(
                "{\"x\":{\"ready\":false,\"reason\":\"no spaces\"},\"y\":7}").results();
        assertEquals(new MappingResult(false, MappingResult.NOT_APPLIED, ""), odd.get("x"));
        assertEquals(BridgeMappingsStatus.UNREADABLE, odd.get("y").reason());
        assertFalse(odd.get("y").ready());
    }

    @Test
    void chassisMarksAndCompanionMode() {
        assertTrue(ChassisKeys.registeredByAgent(ChassisKeys.agentMark()));
        assertFalse(ChassisKeys.registeredByAgent(Map.of(Ownership.OWNER_KEY, Ownership.OPERATOR)));
        assertTrue(ChassisKeys.companion(Map.of(ChassisKeys.MODE, ChassisKeys.COMPANION)));
        assertTrue(ChassisKeys.ours(ChassisKeys.HEARTBEAT));
        assertFalse(ChassisKeys.ours(ChassisKeys.BRIDGE_MAPPINGS));
        assertEquals(Map.of(ChassisKeys.NODE, "n1"), ChassisKeys.bridgeMappingsReport("n1", Optional.empty()));
        assertTrue(OvsKeys.ownedBy(Map.of(Ownership.OWNER_KEY, Ownership.BRIDGE_MAPPING), Ownership.BRIDGE_MAPPING));
        assertFalse(OvsKeys.ownedBy(Map.of(), Ownership.NODE_AGENT));
    }
}
