package org.ovnl2gw.testbed.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Optional;

/**
 * Answers self-subject access and rules reviews with "everything allowed". The embedded API has no
 * authorization, and java-operator-sdk's leader election asks for a SelfSubjectRulesReview before it starts,
 * which the bare mock refuses (422); {@code kubectl auth can-i} asks for access reviews.
 */
final class AccessReviews {
    private static final String PREFIX = "/apis/authorization.k8s.io/v1/";

    /** The review, or empty for other requests, whose body is then left unread for the store. */
    Optional<MockResponse> answer(RecordedRequest request, String path) {
        if (!request.getMethod().equals("POST") || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String resource = path.substring(PREFIX.length());
        String body = request.getUtf8Body();
        if (resource.equals("selfsubjectaccessreviews")) {
            ObjectNode review = request(body, "SelfSubjectAccessReview");
            review.putObject("status").put("allowed", true).put("reason", "embedded API allows everything");
            return Optional.of(JsonResponses.json(201, review));
        }
        if (resource.equals("selfsubjectrulesreviews")) {
            ObjectNode review = request(body, "SelfSubjectRulesReview");
            ObjectNode status = review.putObject("status");
            ObjectNode everything = status.putArray("resourceRules").addObject();
            everything.putArray("verbs").add("*");
            everything.putArray("apiGroups").add("*");
            everything.putArray("resources").add("*");
            ObjectNode anyUrl = status.putArray("nonResourceRules").addObject();
            anyUrl.putArray("verbs").add("*");
            anyUrl.putArray("nonResourceURLs").add("*");
            status.put("incomplete", false);
            return Optional.of(JsonResponses.json(201, review));
        }
        return Optional.empty();
    }

    private static ObjectNode request(String body, String kind) {
        JsonNode parsed = body == null || body.isBlank()
                ? Serialization.jsonMapper().createObjectNode()
                : Serialization.unmarshal(body, JsonNode.class);
        ObjectNode review = parsed.isObject() ? (ObjectNode) parsed : Serialization.jsonMapper().createObjectNode();
        review.put("apiVersion", "authorization.k8s.io/v1");
        review.put("kind", kind);
        return review;
    }
}
