package org.ovnl2gw.testbed.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * OpenAPI v3 built from the stored CRDs, as kube-apiserver publishes it, so that {@code kubectl explain} works for
 * custom resources: {@code /openapi/v3} lists one document per served group/version
 * ({@code apis/G/V}, with a content hash in its URL, which kubectl caches by), and each document has, under
 * {@code components.schemas}, the version's {@code openAPIV3Schema} named {@code <reversed group>.<version>.<Kind>}
 * and tagged with its {@code x-kubernetes-group-version-kind}, plus {@code apiVersion}, {@code kind} and
 * {@code metadata} as the server adds them, and for {@code paths} only each collection's list operation tagged
 * with the kind (what explain looks the kind up by). Without a patch operation kubectl takes server-side field
 * validation as unsupported and sends no {@code fieldValidation}, as before. Built-in kinds have no documents.
 */
final class OpenApiV3 {
    private static final ObjectMapper JSON = Serialization.jsonMapper();
    private static final String ROOT = "/openapi/v3";

    private final Supplier<List<CustomResourceDefinition>> storedCrds;

    OpenApiV3(Supplier<List<CustomResourceDefinition>> storedCrds) {
        this.storedCrds = storedCrds;
    }

    /** The root or a group/version document for {@code path}, or empty when {@code path} is not under /openapi/v3. */
    Optional<MockResponse> answer(String path) {
        if (!path.equals(ROOT) && !path.startsWith(ROOT + "/")) {
            return Optional.empty();
        }
        Map<String, ObjectNode> documents = documents();
        if (path.equals(ROOT) || path.equals(ROOT + "/")) {
            ObjectNode root = JSON.createObjectNode();
            ObjectNode paths = root.putObject("paths");
            documents.forEach((groupVersion, document) -> paths.putObject(groupVersion)
                    .put("serverRelativeURL", ROOT + "/" + groupVersion + "?hash=" + hash(document)));
            return Optional.of(JsonResponses.json(200, root.toString()));
        }
        ObjectNode document = documents.get(path.substring(ROOT.length() + 1));
        return Optional.of(document == null ? JsonResponses.notFound(path) : JsonResponses.json(200, document.toString()));
    }

    /** "apis/G/V" to its document, for every served version of every stored CRD. */
    private Map<String, ObjectNode> documents() {
        Map<String, ObjectNode> documents = new LinkedHashMap<>();
        for (CustomResourceDefinition crd : storedCrds.get()) {
            var spec = crd.getSpec();
            for (CustomResourceDefinitionVersion version : spec.getVersions()) {
                if (!Boolean.TRUE.equals(version.getServed()) || version.getSchema() == null
                        || version.getSchema().getOpenAPIV3Schema() == null) {
                    continue;
                }
                ObjectNode document = documents.computeIfAbsent("apis/" + spec.getGroup() + "/" + version.getName(),
                        gv -> emptyDocument());
                ObjectNode schema = JSON.valueToTree(version.getSchema().getOpenAPIV3Schema());
                ObjectNode properties = schema.has("properties") ? (ObjectNode) schema.get("properties")
                        : schema.putObject("properties");
                properties.putObject("apiVersion").put("type", "string").put("description", API_VERSION);
                properties.putObject("kind").put("type", "string").put("description", KIND);
                if (!properties.path("metadata").has("description")) {
                    properties.putObject("metadata").put("type", "object").put("description", METADATA);
                }
                schema.putArray("x-kubernetes-group-version-kind").addObject().put("group", spec.getGroup())
                        .put("kind", spec.getNames().getKind()).put("version", version.getName());
                // kubectl explain finds the kind of a resource by the list operation of its path
                String collection = "/apis/" + spec.getGroup() + "/" + version.getName() + "/"
                        + ("Namespaced".equals(spec.getScope()) ? "namespaces/{namespace}/" : "")
                        + spec.getNames().getPlural();
                ObjectNode list = ((ObjectNode) document.get("paths")).putObject(collection).putObject("get");
                list.put("description", "list or watch objects of kind " + spec.getNames().getKind());
                list.putObject("x-kubernetes-group-version-kind").put("group", spec.getGroup())
                        .put("kind", spec.getNames().getKind()).put("version", version.getName());
                ((ObjectNode) document.get("components").get("schemas"))
                        .set(reversed(spec.getGroup()) + "." + version.getName() + "." + spec.getNames().getKind(), schema);
            }
        }
        return documents;
    }

    private static ObjectNode emptyDocument() {
        ObjectNode document = JSON.createObjectNode().put("openapi", "3.0.0");
        document.putObject("info").put("title", "Kubernetes CRD Swagger").put("version", "v0.1.0");
        document.putObject("paths");
        document.putObject("components").putObject("schemas");
        return document;
    }

    private static String reversed(String group) {
        List<String> labels = new java.util.ArrayList<>(List.of(group.split("\\.")));
        java.util.Collections.reverse(labels);
        return String.join(".", labels);
    }

    private static String hash(ObjectNode document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(document.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16).toUpperCase(java.util.Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // kube-apiserver's wording for the fields every object has
    private static final String API_VERSION = "APIVersion defines the versioned schema of this representation of an "
            + "object. Servers should convert recognized schemas to the latest internal value, and may reject "
            + "unrecognized values. More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";
    private static final String KIND = "Kind is a string value representing the REST resource this object "
            + "represents. Servers may infer this from the endpoint the client submits requests to. Cannot be "
            + "updated. In CamelCase. More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";
    private static final String METADATA = "Standard object's metadata. More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";
}
