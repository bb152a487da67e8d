package org.ovnl2gw.testbed.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The CRUD store writes {@code "namespace": null} into the metadata of a cluster-scoped object it updates (every
 * status or merge patch of an L2Gateway or BridgeMapping), and {@code kubectl get -o yaml} then shows
 * {@code namespace: null}, which kube-apiserver never sends. Dropped from what the store answers: an object, a
 * list's items, a watch event's object. A body without that text is passed on untouched.
 */
final class NullNamespaces {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "\"namespace\":null";

    private NullNamespaces() {
    }

    static String dropped(String json) {
        if (json == null || !json.contains(MARK)) {
            return json;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return json;
        }
        dropFrom(root);
        root.path("items").forEach(NullNamespaces::dropFrom);
        dropFrom(root.path("object"));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    private static void dropFrom(JsonNode object) {
        if (object.path("metadata") instanceof ObjectNode metadata && metadata.has("namespace")
                && metadata.get("namespace").isNull()) {
            metadata.remove("namespace");
        }
    }
}
