package org.ovnl2gw.testbed.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project's generated CRD schemas, checked as kube-apiserver checks them, with its wording. */
class SchemaValidatorTest {
    private static final JSONSchemaProps GATEWAY = schema("l2gateways.l2gw.ovn.org-v1.yml");
    private static final JSONSchemaProps MAPPING = schema("bridgemappings.l2gw.ovn.org-v1.yml");

    private static JSONSchemaProps schema(String file) {
        try (InputStream in = Files.newInputStream(Path.of("..", "crds", file))) {
            CustomResourceDefinition crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
            return crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> problems(JSONSchemaProps schema, String json) {
        JsonNode object = Serialization.unmarshal(json, JsonNode.class);
        return SchemaValidator.validate(schema, object).stream()
                .map(c -> c.getReason() + " " + c.getField() + ": " + c.getMessage()).toList();
    }

    private static String gateway(String spec) {
        return "{\"apiVersion\":\"l2gw.ovn.org/v1alpha1\",\"kind\":\"L2Gateway\",\"metadata\":{\"name\":\"g\"},"
                + "\"spec\":" + spec + "}";
    }

    @Test
    void aValidGatewayHasNoProblems() {
        assertEquals(List.of(), problems(GATEWAY, gateway("{\"logicalSwitch\":\"ls1\",\"networkName\":\"physnet1\","
                + "\"vlan\":100,\"gatewayNodes\":{\"nodeSelector\":{\"matchLabels\":{\"a\":\"b\"}},"
                + "\"preferredNodes\":[\"node-a\"]}}")));
    }

    @Test
    void wrongTypeOutOfRangeMissingAndPatternAreNamedAsKubeApiserverNamesThem() {
        assertEquals(List.of("FieldValueTypeInvalid spec.vlan: Invalid value: \"string\": spec.vlan in body must be"
                        + " of type integer: \"string\""),
                problems(GATEWAY, gateway("{\"logicalSwitch\":\"ls1\",\"networkName\":\"p\",\"vlan\":\"abc\"}")));
        assertEquals(List.of("FieldValueInvalid spec.vlan: Invalid value: 5000: spec.vlan in body should be less than"
                        + " or equal to 4094"),
                problems(GATEWAY, gateway("{\"logicalSwitch\":\"ls1\",\"networkName\":\"p\",\"vlan\":5000}")));
        assertEquals(List.of("FieldValueInvalid spec.vlan: Invalid value: 0: spec.vlan in body should be greater than"
                        + " or equal to 1"),
                problems(GATEWAY, gateway("{\"logicalSwitch\":\"ls1\",\"networkName\":\"p\",\"vlan\":0}")));
        assertEquals(List.of("FieldValueRequired spec.logicalSwitch: Required value"),
                problems(GATEWAY, gateway("{\"networkName\":\"p\"}")));
        assertEquals(List.of("FieldValueInvalid spec.networkName: Invalid value: \"phys net\": spec.networkName in"
                        + " body should match '^[^,:\\s]+$'"),
                problems(GATEWAY, gateway("{\"logicalSwitch\":\"ls1\",\"networkName\":\"phys net\"}")));
        assertEquals(List.of("FieldValueTooLong spec.networkName: Too long: may not be more than 64 bytes"),
                problems(GATEWAY, gateway("{\"logicalSwitch\":\"ls1\",\"networkName\":\"" + "n".repeat(65) + "\"}")));
    }

    @Test
    void nestedObjectsArraysAndMapsAreWalked() {
        assertEquals(List.of(
                        "FieldValueTypeInvalid spec.gatewayNodes.nodeSelector.matchLabels.a: Invalid value: \"integer\": "
                                + "spec.gatewayNodes.nodeSelector.matchLabels.a in body must be of type string: \"integer\"",
                        "FieldValueInvalid spec.gatewayNodes.preferredNodes[1]: Invalid value: \"Node_B\": "
                                + "spec.gatewayNodes.preferredNodes[1] in body should match "
                                + "'^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$'"),
                problems(GATEWAY, gateway("{\"logicalSwitch\":\"ls1\",\"networkName\":\"p\",\"gatewayNodes\":"
                        + "{\"nodeSelector\":{\"matchLabels\":{\"a\":1}},\"preferredNodes\":[\"node-a\",\"Node_B\"]}}")));
        List<String> mapping = problems(MAPPING, "{\"apiVersion\":\"l2gw.ovn.org/v1alpha1\",\"kind\":\"BridgeMapping\","
                + "\"metadata\":{\"name\":\"m\"},\"spec\":{\"mappings\":[{\"networkName\":\"physnet1\"}]}}");
        assertEquals(List.of("FieldValueRequired spec.mappings[0].bridge: Required value"), mapping);
    }

    @Test
    void enumsAndStatusAreChecked() {
        JSONSchemaProps withEnum = Serialization.unmarshal("{\"type\":\"object\",\"properties\":{\"spec\":{\"type\":"
                + "\"object\",\"properties\":{\"mode\":{\"type\":\"string\",\"enum\":[\"a\",\"b\"]}}}}}",
                JSONSchemaProps.class);
        assertEquals(List.of("FieldValueNotSupported spec.mode: Unsupported value: \"c\": supported values: \"a\", \"b\""),
                problems(withEnum, "{\"spec\":{\"mode\":\"c\"}}"));
        List<StatusCause> none = SchemaValidator.validate(withEnum, Serialization.unmarshal("{\"spec\":{\"mode\":\"a\"}}",
                JsonNode.class));
        assertEquals(List.of(), none);
        assertEquals(List.of("FieldValueRequired status.conditions[0].reason: Required value"),
                problems(GATEWAY, "{\"metadata\":{\"name\":\"g\"},\"status\":{\"conditions\":[{\"type\":\"Ready\","
                        + "\"status\":\"True\",\"lastTransitionTime\":\"2024-01-01T00:00:00Z\"}]}}"));
    }
}
