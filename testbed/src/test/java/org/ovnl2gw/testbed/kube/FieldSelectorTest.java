package org.ovnl2gw.testbed.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

class FieldSelectorTest {
    private static final JsonNode EVENT = Serialization.unmarshal("{\"type\":\"Warning\",\"involvedObject\":"
            + "{\"kind\":\"L2Gateway\",\"name\":\"gw\",\"uid\":\"u1\"}}", JsonNode.class);

    @Test
    void kubectlDescribesEventSearchMatchesAMissingNamespaceAsEmpty() {
        FieldSelector selector = FieldSelector.ofQuery("fieldSelector=involvedObject.namespace%3D%2C"
                + "involvedObject.kind%3DL2Gateway%2CinvolvedObject.uid%3Du1%2CinvolvedObject.name%3Dgw&limit=500")
                .orElseThrow();
        assertTrue(selector.matches(EVENT));
        assertFalse(FieldSelector.parse("involvedObject.name=other").matches(EVENT));
    }

    @Test
    void doubleEqualsAndNotEquals() {
        assertTrue(FieldSelector.parse("type==Warning,involvedObject.kind!=Node").matches(EVENT));
        assertFalse(FieldSelector.parse("type!=Warning").matches(EVENT));
    }

    @Test
    void theSelectorIsTakenOutOfTheQuery() {
        assertEquals("limit=500", FieldSelector.withoutSelector("fieldSelector=a%3Db&limit=500"));
        assertEquals(null, FieldSelector.withoutSelector("fieldSelector=a%3Db"));
    }
}
