package org.ovnl2gw.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The value of {@link ChassisKeys#BRIDGE_MAPPINGS_STATUS}: a JSON object with a {@link MappingResult} per
 * BridgeMapping that selects the node, {@code {"<BridgeMapping>": {"ready": bool, "reason": "...", "message":
 * "..."}}}. The agent {@linkplain #format writes} it; the operator {@linkplain #parse reads} it leniently, since
 * a person with ovn-sbctl (or an agent of another version) may have written anything there.
 */
public final class BridgeMappingsStatus {
    /** The reason of an entry, or the problem of a document, the operator could not read. */
    public static final String UNREADABLE = "AgentReportUnreadable";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a document says: the entries, or why it could not be read at all. */
    public record Parsed(Map<String, MappingResult> results, Optional<String> unreadable) {
        public Parsed {
            results = Map.copyOf(results);
        }
    }

    private BridgeMappingsStatus() {
    }

    /** The document for these results, in their order. */
    public static String format(Map<String, MappingResult> results) {
        try {
            return JSON.writeValueAsString(results);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The entries of a document; a blank one has none. An entry that is not an object with a boolean
     * {@code ready} becomes a not-ready {@link #UNREADABLE} result; a missing or non-CamelCase reason becomes
     * {@link MappingResult#APPLIED} or {@link MappingResult#NOT_APPLIED}.
     */
    public static Parsed parse(String document) {
        if (document == null || document.isBlank()) {
            return new Parsed(Map.of(), Optional.empty());
        }
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            return unreadable("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return unreadable("not a JSON object");
        }
        Map<String, MappingResult> results = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            results.put(entry.getKey(), result(entry.getValue()));
        }
        return new Parsed(results, Optional.empty());
    }

    private static Parsed unreadable(String why) {
        return new Parsed(Map.of(), Optional.of(ChassisKeys.BRIDGE_MAPPINGS_STATUS + " is " + why));
    }

    private static MappingResult result(JsonNode entry) {
        if (entry == null || !entry.isObject() || !entry.path("ready").isBoolean()) {
            return MappingResult.failed(UNREADABLE, "the agent's entry is not an object with a boolean \"ready\": "
                    + entry);
        }
        boolean ready = entry.get("ready").booleanValue();
        String reason = text(entry, "reason");
        if (reason == null || !reason.matches("[A-Za-z][A-Za-z0-9]*")) {
            reason = ready ? MappingResult.APPLIED : MappingResult.NOT_APPLIED;
        }
        String message = text(entry, "message");
        return new MappingResult(ready, reason, message == null ? "" : message);
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
