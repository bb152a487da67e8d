package org.ovnl2gw.api.v1alpha1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a cluster administrator relies on in the generated CRDs: names, scope, columns, schema checks. */
class GeneratedCrdTest {

    private static final String READY_PATH = ".status.conditions[?(@.type==\"Ready\")].status";

    private static CustomResourceDefinition load(String file) throws IOException {
        try (InputStream in = Files.newInputStream(RepositoryPaths.generatedCrds().resolve(file))) {
            return Serialization.unmarshal(in, CustomResourceDefinition.class);
        }
    }

    private static Set<String> columnNames(CustomResourceDefinitionVersion version) {
        return version.getAdditionalPrinterColumns().stream().map(CustomResourceColumnDefinition::getName)
                .collect(Collectors.toSet());
    }

    private static String readyPath(CustomResourceDefinitionVersion version) {
        return version.getAdditionalPrinterColumns().stream().filter(c -> c.getName().equals("Ready"))
                .map(CustomResourceColumnDefinition::getJsonPath).findFirst().orElseThrow();
    }

    @Test
    void l2GatewayIsClusterScopedWithItsColumnsAndChecks() throws IOException {
        CustomResourceDefinition crd = load("l2gateways.l2gw.ovn.org-v1.yml");
        assertEquals("Cluster", crd.getSpec().getScope());
        assertEquals("l2gw.ovn.org", crd.getSpec().getGroup());
        assertEquals(List.of("l2gw"), crd.getSpec().getNames().getShortNames());
        CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
        assertEquals("v1alpha1", version.getName());
        assertNotNull(version.getSubresources().getStatus());
        assertEquals(Set.of("Switch", "Network", "VLAN", "Gateway Node", "Standby", "Ready", "Age"), columnNames(version));
        assertEquals(READY_PATH, readyPath(version));

        JSONSchemaProps spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
        assertEquals(List.of("logicalSwitch", "networkName"), spec.getRequired());
        JSONSchemaProps networkName = spec.getProperties().get("networkName");
        assertEquals(FieldRules.NETWORK_NAME_PATTERN, networkName.getPattern());
        assertEquals(Long.valueOf(FieldRules.NETWORK_NAME_MAX_LENGTH), networkName.getMaxLength());
        JSONSchemaProps vlan = spec.getProperties().get("vlan");
        assertEquals(1.0, vlan.getMinimum());
        assertEquals(4094.0, vlan.getMaximum());
    }

    @Test
    void bridgeMappingIsClusterScopedWithItsColumnsAndChecks() throws IOException {
        CustomResourceDefinition crd = load("bridgemappings.l2gw.ovn.org-v1.yml");
        assertEquals("Cluster", crd.getSpec().getScope());
        assertEquals(List.of("bm"), crd.getSpec().getNames().getShortNames());
        CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
        assertEquals(Set.of("Selected", "Ready Nodes", "Ready", "Age"), columnNames(version));
        assertEquals(READY_PATH, readyPath(version));

        JSONSchemaProps spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
        assertEquals(List.of("mappings"), spec.getRequired());
        assertEquals(List.of(FieldRules.DUPLICATE_NETWORK_MESSAGE),
                spec.getXKubernetesValidations().stream().map(ValidationRule::getMessage).toList());
        JSONSchemaProps mapping = spec.getProperties().get("mappings").getItems().getSchema();
        assertEquals(List.of("self.bridge != 'br-int'"),
                mapping.getXKubernetesValidations().stream().map(ValidationRule::getRule).toList());
        assertEquals(Long.valueOf(FieldRules.INTERFACE_NAME_MAX_LENGTH),
                mapping.getProperties().get("bridge").getMaxLength());
    }
}
