package org.ovnl2gw.testbed.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPathTest {
    private static final JsonNode GATEWAY = json("""
            {"metadata": {"name": "gw", "creationTimestamp": "2025-01-01T00:00:00Z",
                          "labels": {"app.kubernetes.io/name": "l2gw"}},
             "spec": {"vlan": 100, "networkName": "physnet1", "enabled": true},
             "status": {"gatewayNode": "node-a",
                        "conditions": [
                          {"type": "Accepted", "status": "True", "observedGeneration": 2},
                          {"type": "Ready", "status": "False", "observedGeneration": 1},
                          {"type": "Programmed", "status": "True", "observedGeneration": 2}]}}
            """);

    @Test
    void dottedPathsReachScalars() {
        assertEquals("100", text(".spec.vlan"));
        assertEquals("node-a", text(".status.gatewayNode"));
        assertEquals("2025-01-01T00:00:00Z", text(".metadata.creationTimestamp"));
        assertEquals("physnet1", text("$.spec.networkName"));
        assertEquals("physnet1", text("{.spec.networkName}"));
    }

    @Test
    void aMissingKeyGivesNoResultNotAnError() {
        assertEquals(List.of(), JsonPath.parse(".status.missing.deeper").evaluate(GATEWAY));
        assertEquals(List.of(), JsonPath.parse(".spec.vlan.notAnObject").evaluate(GATEWAY));
        assertNull(JsonPath.parse(".status.conditions[?(@.type==\"Ready\")].status").first(json("{\"spec\":{}}")));
    }

    @Test
    void filterPicksTheElementWithTheGivenType() {
        assertEquals("False", text(".status.conditions[?(@.type==\"Ready\")].status"));
        assertEquals("True", text(".status.conditions[?(@.type == 'Programmed')].status"));
        assertEquals(List.of(), JsonPath.parse(".status.conditions[?(@.type==\"Bound\")].status").evaluate(GATEWAY));
    }

    @Test
    void filterWithNumbersInequalityAndExistence() {
        assertEquals(List.of("Accepted", "Programmed"), texts(".status.conditions[?(@.observedGeneration==2)].type"));
        assertEquals(List.of("Ready"), texts(".status.conditions[?(@.observedGeneration!=2)].type"));
        assertEquals(List.of("Accepted", "Ready", "Programmed"), texts(".status.conditions[?(@.status)].type"));
        assertEquals(List.of(), texts(".spec[?(@.vlan)]"));
    }

    @Test
    void indexWildcardAndQuotedNames() {
        assertEquals("Accepted", text(".status.conditions[0].type"));
        assertEquals("Programmed", text(".status.conditions[-1].type"));
        assertEquals(List.of(), texts(".status.conditions[3].type"));
        assertEquals(List.of("Accepted", "Ready", "Programmed"), texts(".status.conditions[*].type"));
        assertEquals(List.of("100", "physnet1", "true"), texts(".spec.*"));
        assertEquals("l2gw", text(".metadata.labels['app.kubernetes.io/name']"));
    }

    @Test
    void syntaxOutsideTheSubsetIsRefused() {
        for (String unsupported : List.of("", "spec", "..spec", ".spec[1:2]", ".spec[?(@.a > 1)]", ".a[?(@.b==x)]",
                ".spec.", ".a['b")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> JsonPath.parse(unsupported), unsupported);
            assertTrue(e.getMessage().contains("JSONPath"), e.getMessage());
        }
    }

    private static String text(String path) {
        JsonNode found = JsonPath.parse(path).first(GATEWAY);
        return found == null ? null : found.asText();
    }

    private static List<String> texts(String path) {
        return JsonPath.parse(path).evaluate(GATEWAY).stream().map(JsonNode::asText).toList();
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
