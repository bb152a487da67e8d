package org.ovnl2gw.api.v1alpha1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records must survive the trip through fabric8's Jackson setup that clients and JOSDK use. */
class SerializationTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void l2GatewayRoundTripsWithSpecAndStatus() {
        L2Gateway gateway = new L2Gateway("gw1", new L2GatewaySpec("ls0", "physnet1", 100,
                new GatewayNodes(new LabelSelectorBuilder().addToMatchLabels("gw", "yes").build(), List.of("node-a"))));
        gateway.setStatus(L2GatewayStatus.EMPTY
                .withCondition(Condition.of(ConditionTypes.READY, Condition.TRUE, "Bound", "on node-a", 1, NOW))
                .withGatewayNode("node-a").withLogicalPort("l2gw-gw1").withObservedGeneration(1L));

        String json = Serialization.asJson(gateway);
        L2Gateway back = Serialization.unmarshal(json, L2Gateway.class);

        assertEquals("l2gw.ovn.org/v1alpha1", back.getApiVersion());
        assertEquals("L2Gateway", back.getKind());
        assertEquals(gateway.getSpec(), back.getSpec());
        assertEquals(gateway.getStatus(), back.getStatus());
        assertFalse(json.contains("\"true\""), "no derived boolean leaks into the JSON: " + json);
        assertFalse(json.contains("tagged"), json);
    }

    @Test
    void omittedOptionalFieldsReadAsAbsentOrEmpty() {
        L2Gateway gateway = Serialization.unmarshal("""
                apiVersion: l2gw.ovn.org/v1alpha1
                kind: L2Gateway
                metadata: {name: gw1}
                spec: {logicalSwitch: ls0, networkName: physnet1}
                """, L2Gateway.class);
        assertNull(gateway.getSpec().vlan());
        assertFalse(gateway.getSpec().tagged());
        assertNull(gateway.getSpec().gatewayNodes());
        assertNull(gateway.getStatus());
        assertEquals(List.of(), gateway.getSpec().validate());
    }

    @Test
    void bridgeMappingStatusAlwaysWritesItsListsSoAMergePatchClearsThem() {
        BridgeMapping mapping = new BridgeMapping("bm1",
                new BridgeMappingSpec(null, List.of(new NetworkMapping("physnet1", "br-phys", "eth1"))));
        mapping.setStatus(BridgeMappingStatus.EMPTY.withNodes(List.of()));
        String json = Serialization.asJson(mapping.getStatus());
        assertTrue(json.contains("\"nodes\":[]"), json);
        assertTrue(json.contains("\"conditions\":[]"), json);
    }

    @Test
    void bridgeMappingCountsFollowTheNodeResults() {
        BridgeMappingStatus status = BridgeMappingStatus.EMPTY.withNodes(List.of(
                new NodeMappingResult("node-a", true, "Applied", ""),
                new NodeMappingResult("node-b", false, "UplinkMissing", "eth1 not found")));
        assertEquals(2, status.selectedNodes());
        assertEquals(1, status.readyNodes());

        BridgeMapping back = Serialization.unmarshal(Serialization.asJson(withStatus(status)), BridgeMapping.class);
        assertEquals(status, back.getStatus());
        assertEquals("BridgeMapping", back.getKind());
    }

    private static BridgeMapping withStatus(BridgeMappingStatus status) {
        BridgeMapping mapping = new BridgeMapping("bm1",
                new BridgeMappingSpec(null, List.of(new NetworkMapping("physnet1", "br-phys", null))));
        mapping.setStatus(status);
        return mapping;
    }
}
