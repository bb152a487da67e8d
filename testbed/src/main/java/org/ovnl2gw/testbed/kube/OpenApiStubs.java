package org.ovnl2gw.testbed.kube;

import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Optional;

/**
 * Empty openapi documents. kubectl fetches them to validate manifests and for {@code explain}; empty answers
 * make it skip client-side schema validation instead of failing (without them kubectl needs
 * {@code --validate=false}). The v2 media type must be spelled with {@code v1.0}: kubectl's mime parser rejects
 * the {@code @v1.0} form a real server also accepts.
 */
final class OpenApiStubs {
    static final String V2_PROTOBUF = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    Optional<MockResponse> answer(String path) {
        if (path.equals("/openapi/v2")) {
            return Optional.of(new MockResponse()
                    .setResponseCode(200)
                    .setHeader("Content-Type", V2_PROTOBUF)
                    .setBody(""));
        }
        if (path.equals("/openapi/v3") || path.startsWith("/openapi/v3/")) {
            return Optional.of(JsonResponses.json(200, "{\"paths\":{}}"));
        }
        return Optional.empty();
    }
}
