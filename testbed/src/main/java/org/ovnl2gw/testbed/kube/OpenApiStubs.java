package org.ovnl2gw.testbed.kube;

import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Optional;

/**
 * An empty openapi v2 document (v3 is {@link OpenApiV3}). kubectl fetches v2 to validate manifests on the client;
 * the empty answer makes it skip client-side schema validation instead of failing (without it kubectl needs
 * {@code --validate=false}), and the server checks the schema instead. The v2 media type must be spelled with {@code v1.0}: kubectl's mime parser rejects
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
        return Optional.empty();
    }
}
