package org.ovnl2gw.testbed.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ApiDiscoveryTest {
    private final ApiDiscovery discovery = new ApiDiscovery(() -> List.of(l2gatewayCrd()));

    @Test
    void customResourcesAreDiscoveredWithNamesScopeAndStatus() {
        Map<String, APIResource> resources = resources("/apis/l2gw.ovn.org/v1alpha1");

        APIResource gateways = resources.get("l2gateways");
        assertEquals("L2Gateway", gateways.getKind());
        assertEquals("l2gateway", gateways.getSingularName());
        assertEquals(List.of("l2gw"), gateways.getShortNames());
        assertFalse(gateways.getNamespaced());
        assertTrue(gateways.getVerbs().containsAll(List.of("get", "list", "watch", "create", "patch", "delete")));
        assertEquals(List.of("get", "patch", "update"), resources.get("l2gateways/status").getVerbs());
    }

    @Test
    void groupListHoldsBuiltInAndCustomGroupsButNotCore() {
        APIGroupList groups = Serialization.unmarshal(body(discovery.answer("/apis").orElseThrow()), APIGroupList.class);
        List<String> names = groups.getGroups().stream().map(g -> g.getName()).toList();

        assertTrue(names.containsAll(List.of("l2gw.ovn.org", "coordination.k8s.io", "apiextensions.k8s.io")), names::toString);
        assertFalse(names.contains(""));
    }

    @Test
    void coreResources() {
        Map<String, APIResource> core = resources("/api/v1");
        assertTrue(core.keySet().containsAll(List.of("namespaces", "nodes", "pods", "configmaps", "events")));
        assertTrue(core.get("pods").getNamespaced());
        assertFalse(core.get("nodes").getNamespaced());
    }

    @Test
    void unknownGroupsAreNotFoundAndObjectPathsAreLeftToTheStore() {
        assertEquals(404, discovery.answer("/apis/nope.example.com").orElseThrow().code());
        assertEquals(404, discovery.answer("/apis/l2gw.ovn.org/v9").orElseThrow().code());
        assertTrue(discovery.answer("/apis/l2gw.ovn.org/v1alpha1/l2gateways").isEmpty());
        assertTrue(discovery.answer("/api/v1/namespaces").isEmpty());
    }

    private Map<String, APIResource> resources(String path) {
        MockResponse response = discovery.answer(path).orElseThrow();
        assertEquals(200, response.code());
        return Serialization.unmarshal(body(response), APIResourceList.class).getResources().stream()
                .collect(Collectors.toMap(APIResource::getName, r -> r));
    }

    private static String body(MockResponse response) {
        return response.getBody().readUtf8();
    }

    private static CustomResourceDefinition l2gatewayCrd() {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("l2gateways.l2gw.ovn.org").endMetadata()
                .withNewSpec()
                    .withGroup("l2gw.ovn.org")
                    .withScope("Cluster")
                    .withNewNames().withKind("L2Gateway").withPlural("l2gateways").withSingular("l2gateway")
                        .withShortNames("l2gw").endNames()
                    .addNewVersion().withName("v1alpha1").withServed(true).withStorage(true)
                        .withNewSubresources().withNewStatus().endStatus().endSubresources()
                    .endVersion()
                .endSpec()
                .build();
    }
}
