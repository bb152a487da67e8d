package org.ovnl2gw.testbed.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON merge patch as RFC 7386 defines it: objects merge key by key, {@code null} removes a key, and any other
 * value (arrays included) replaces what was there. The mock's own merge appends arrays and ignores null, which
 * breaks {@code kubectl patch --type merge} and {@code kubectl apply} re-applies.
 */
final class JsonMergePatch {
    private JsonMergePatch() {
    }

    /** Returns {@code target} with {@code patch} merged in; neither argument is modified. */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    /**
     * A strategic merge patch read as a merge patch: drops the {@code $}-directives ({@code $setElementOrder},
     * {@code $patch}, {@code $retainKeys}, ...). Lists are then replaced whole rather than merged by key, which is
     * exact for custom resources (kubectl sends them merge patches anyway) and close enough for the few built-in
     * objects the tests and sandbox apply.
     */
    static JsonNode withoutStrategicDirectives(JsonNode patch) {
        if (patch.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : patch.properties()) {
                if (!field.getKey().startsWith("$")) {
                    copy.set(field.getKey(), withoutStrategicDirectives(field.getValue()));
                }
            }
            return copy;
        }
        if (patch.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            patch.forEach(item -> items.add(withoutStrategicDirectives(item)));
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            copy.addAll(items);
            return copy;
        }
        return patch;
    }
}
