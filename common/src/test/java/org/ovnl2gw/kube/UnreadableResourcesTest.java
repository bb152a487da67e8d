package org.ovnl2gw.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.api.v1alpha1.BridgeMapping;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.api.v1alpha1.SpecProblem;

/** Reading objects that do not fit the model, as the informers read them: list items, watch events, clones. */
class UnreadableResourcesTest {
    private final List<UnreadableResources.Unreadable> told = new ArrayList<>();
    private final UnreadableResources unreadable =
            new UnreadableResources(Set.of(L2Gateway.class, BridgeMapping.class), told::add);
    private final KubernetesSerialization serialization = unreadable.serialization();

    private static String gateway(String name, String resourceVersion, String vlan) {
        return """
                {"apiVersion":"l2gw.ovn.org/v1alpha1","kind":"L2Gateway",
                 "metadata":{"name":"%s","resourceVersion":"%s","generation":1},
                 "spec":{"logicalSwitch":"ls1","networkName":"physnet1","vlan":%s},
                 "status":{"gatewayNode":"gw1"}}""".formatted(name, resourceVersion, vlan);
    }

    @Test
    void aWrongTypeIsReadWithoutTheSpecAndNamedByItsPath() {
        L2Gateway read = serialization.unmarshal(gateway("bad", "7", "\"abc\""), L2Gateway.class);

        assertEquals("bad", read.getMetadata().getName());
        assertNull(read.getSpec());
        assertEquals("gw1", read.getStatus().gatewayNode(), "the status still reads");
        SpecProblem problem = unreadable.problem(read).orElseThrow();
        assertEquals("spec.vlan", problem.path());
        assertTrue(problem.message().startsWith("cannot read \"abc\" as Integer"), problem.message());
        assertEquals(1, told.size());
        assertTrue(told.get(0).toString().startsWith("L2Gateway bad (resourceVersion 7) cannot be read: spec.vlan"),
                told.get(0).toString());
    }

    @Test
    void aGoodObjectReadsWholeAndHasNoProblem() {
        L2Gateway read = serialization.unmarshal(gateway("good", "3", "100"), L2Gateway.class);

        assertEquals(100, read.getSpec().vlan());
        assertTrue(unreadable.problem(read).isEmpty());
        assertTrue(told.isEmpty());
    }

    @Test
    void aWatchEventAndAListWithOneBadItemStillRead() {
        serialization.registerKubernetesResource(L2Gateway.class); // as client.resources(L2Gateway.class) does
        WatchEvent event = serialization.unmarshal("{\"type\":\"ADDED\",\"object\":" + gateway("bad", "8", "\"abc\"")
                + "}", WatchEvent.class);
        assertNull(((L2Gateway) event.getObject()).getSpec());

        KubernetesResourceList<?> list = serialization.unmarshal("{\"apiVersion\":\"l2gw.ovn.org/v1alpha1\","
                + "\"kind\":\"L2GatewayList\",\"metadata\":{},\"items\":[" + gateway("bad", "8", "\"abc\"") + ","
                + gateway("good", "9", "5") + "]}", L2GatewayList.class);
        assertEquals(2, list.getItems().size());
        assertEquals(1, told.size(), "the same version is named once");

        serialization.unmarshal(gateway("bad", "9", "\"abc\""), L2Gateway.class);
        assertEquals(1, told.size(), "a later version with the same problem (our own status patch) is not named again");
        serialization.unmarshal(gateway("bad", "10", "true"), L2Gateway.class);
        assertEquals(2, told.size(), "a different problem is");
    }

    @Test
    void aCloneKeepsTheProblemAndAFixedVersionClearsIt() {
        L2Gateway bad = serialization.unmarshal(gateway("bad", "7", "\"abc\""), L2Gateway.class);
        L2Gateway clone = serialization.clone(bad);
        assertTrue(unreadable.problem(clone).isPresent(), "JOSDK reconciles a clone of the cached object");

        L2Gateway fixed = serialization.unmarshal(gateway("bad", "9", "7"), L2Gateway.class);
        assertTrue(unreadable.problem(fixed).isEmpty());
        assertTrue(unreadable.problem(bad).isEmpty(), "the record is gone with the new version");
    }

    @Test
    void aNestedArrayItemIsNamedWithItsIndex() {
        BridgeMapping read = serialization.unmarshal("""
                {"apiVersion":"l2gw.ovn.org/v1alpha1","kind":"BridgeMapping","metadata":{"name":"bm","resourceVersion":"2"},
                 "spec":{"mappings":[{"networkName":"a","bridge":"br-a"},{"networkName":"b","bridge":["x"]}]}}""",
                BridgeMapping.class);

        assertNull(read.getSpec());
        assertEquals("spec.mappings[1].bridge", unreadable.problem(read).orElseThrow().path());
    }

    /** The list type fabric8 builds for a custom resource, spelled out for the test. */
    static final class L2GatewayList extends io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList<L2Gateway> {
    }
}
