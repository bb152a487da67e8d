package org.ovnl2gw.testbed.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Refuses writes of custom resources that do not match their stored CRD's schema ({@link SchemaValidator}) with
 * the answer kube-apiserver gives: 422, reason {@code Invalid}, the causes in {@code details}, and the message
 * {@code Kind.group "name" is invalid: field: problem} (several problems in brackets), from which kubectl prints
 * {@code The Kind "name" is invalid: ...}. Paths of other resources, and of CRDs not stored, pass.
 */
final class SchemaAdmission {
    private final Supplier<List<CustomResourceDefinition>> storedCrds;

    SchemaAdmission(Supplier<List<CustomResourceDefinition>> storedCrds) {
        this.storedCrds = storedCrds;
    }

    /**
     * The refusal of writing {@code object} at {@code path} (a collection for create, the object or its
     * {@code /status} for update), or empty when it may be written.
     */
    Optional<MockResponse> refusal(String path, JsonNode object) {
        Optional<ServerSideTables.ResourcePath> resource = ServerSideTables.ResourcePath.of(path.replaceAll("/status$", ""));
        if (resource.isEmpty() || object == null || !object.isObject()) {
            return Optional.empty();
        }
        for (CustomResourceDefinition crd : storedCrds.get()) {
            var spec = crd.getSpec();
            if (!spec.getGroup().equals(resource.get().group())
                    || !spec.getNames().getPlural().equals(resource.get().plural())) {
                continue;
            }
            for (CustomResourceDefinitionVersion version : spec.getVersions()) {
                if (!version.getName().equals(resource.get().version()) || version.getSchema() == null) {
                    continue;
                }
                List<StatusCause> causes = SchemaValidator.validate(version.getSchema().getOpenAPIV3Schema(), object);
                if (!causes.isEmpty()) {
                    String name = object.path("metadata").path("name").asText("");
                    return Optional.of(JsonResponses.json(422,
                            invalid(spec.getNames().getKind(), spec.getGroup(), name, causes)));
                }
            }
        }
        return Optional.empty();
    }

    static Status invalid(String kind, String group, String name, List<StatusCause> causes) {
        List<String> lines = causes.stream().map(c -> c.getField() + ": " + c.getMessage()).toList();
        String all = lines.size() == 1 ? lines.get(0) : lines.stream().collect(Collectors.joining(", ", "[", "]"));
        return new StatusBuilder()
                .withStatus("Failure")
                .withCode(422)
                .withReason("Invalid")
                .withMessage(kind + "." + group + " \"" + name + "\" is invalid: " + all)
                .withNewDetails().withName(name).withGroup(group).withKind(kind).withCauses(causes).endDetails()
                .build();
    }
}
