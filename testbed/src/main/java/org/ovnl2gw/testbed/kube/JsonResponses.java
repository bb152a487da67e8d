package org.ovnl2gw.testbed.kube;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;

/** The few response shapes the front writes itself: a JSON body, or a {@code metav1.Status} error. */
final class JsonResponses {
    private JsonResponses() {
    }

    static MockResponse json(int code, Object body) {
        String text = body instanceof String s ? s : Serialization.asJson(body);
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(text);
    }

    /** A {@code Status} failure, so that kubectl prints "Error from server (Reason): message". */
    static MockResponse failure(int code, String reason, String message) {
        Status status = new StatusBuilder()
                .withStatus("Failure")
                .withCode(code)
                .withReason(reason)
                .withMessage(message)
                .build();
        return json(code, status);
    }

    static MockResponse notFound(String path) {
        return failure(404, "NotFound", "the server could not find " + path);
    }
}
