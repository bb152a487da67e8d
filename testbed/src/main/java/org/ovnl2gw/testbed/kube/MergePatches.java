package org.ovnl2gw.testbed.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Optional;
import java.util.function.Function;

/**
 * Merge-style PATCH done as a real API server does it: read the object, merge the patch (RFC 7386), write the
 * whole object back with PUT. Going through the store's own PUT keeps its rules: status subresource semantics,
 * generation bumps on spec changes only, 409 on a stale {@code metadata.resourceVersion} in the patch. The merged
 * object must match its CRD's schema, as on a real server.
 */
final class MergePatches {
    /** How the body of a PATCH is to be read. */
    enum Flavor {
        /** {@code application/merge-patch+json}. */
        MERGE,
        /** {@code application/strategic-merge-patch+json}: read as a merge patch, directives dropped. */
        STRATEGIC,
        /** {@code application/apply-patch+yaml}: server-side apply approximated as create-or-merge. */
        APPLY;

        static Flavor of(String contentType) {
            if (contentType == null) {
                return null;
            }
            if (contentType.startsWith("application/merge-patch+json")) {
                return MERGE;
            }
            if (contentType.startsWith("application/strategic-merge-patch+json")) {
                return STRATEGIC;
            }
            if (contentType.startsWith("application/apply-patch+yaml")) {
                return APPLY;
            }
            return null;
        }
    }

    // A patch without a resourceVersion must not fail because someone else wrote in between our GET and PUT.
    private static final int ATTEMPTS = 5;
    private static final String STATUS_SUFFIX = "/status";

    private final Function<String, KubernetesCrudDispatcher> stores;
    private final SchemaAdmission schema;

    /** @param stores the store that holds what a path names */
    MergePatches(Function<String, KubernetesCrudDispatcher> stores, SchemaAdmission schema) {
        this.stores = stores;
        this.schema = schema;
    }

    /** @param checked whether the merged object must match its CRD's schema (as on a real server) */
    MockResponse patch(String path, Flavor flavor, String body, boolean checked) {
        JsonNode patch = Serialization.unmarshal(body, JsonNode.class);
        if (patch == null || !patch.isObject()) {
            return JsonResponses.failure(400, "BadRequest", "a merge patch must be a JSON object");
        }
        if (flavor == Flavor.STRATEGIC) {
            patch = JsonMergePatch.withoutStrategicDirectives(patch);
        }
        boolean preconditioned = patch.path("metadata").has("resourceVersion");
        String objectPath = path.endsWith(STATUS_SUFFIX) ? path.substring(0, path.length() - STATUS_SUFFIX.length()) : path;
        KubernetesCrudDispatcher store = stores.apply(objectPath);
        MockResponse written = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            MockResponse current = store.handleGet(objectPath);
            if (current.code() == 404) {
                if (flavor != Flavor.APPLY) {
                    return JsonResponses.notFound(path);
                }
                Optional<MockResponse> refused = checked ? schema.refusal(objectPath, patch) : Optional.empty();
                return refused.isPresent() ? refused.get() : create(store, objectPath, patch);
            }
            JsonNode merged = JsonMergePatch.apply(Serialization.unmarshal(current.getBody().readUtf8(), JsonNode.class), patch);
            Optional<MockResponse> refused = checked ? schema.refusal(objectPath, merged) : Optional.empty();
            if (refused.isPresent()) {
                return refused.get();
            }
            written = store.handleUpdate(request(HttpMethod.PUT, path, merged));
            if (written.code() != 409 || preconditioned) {
                return written;
            }
        }
        return written;
    }

    private static MockResponse create(KubernetesCrudDispatcher store, String objectPath, JsonNode object) {
        String collection = objectPath.substring(0, objectPath.lastIndexOf('/'));
        return store.handleCreate(request(HttpMethod.POST, collection, object));
    }

    private static RecordedRequest request(HttpMethod method, String path, JsonNode body) {
        return new RecordedRequest(
                "HTTP/1.1",
                method,
                path,
                Headers.builder().add("Content-Type", "application/json").build(),
                new Buffer().writeUtf8(Serialization.asJson(body)));
    }
}
