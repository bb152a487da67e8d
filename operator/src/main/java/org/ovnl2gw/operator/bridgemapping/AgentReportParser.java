package org.ovnl2gw.operator.bridgemapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the agent's side of the Southbound contract from a Chassis row's maps. Pure, so every malformed
 * document an agent (or a person with ovn-sbctl) could write is unit-tested.
 */
public final class AgentReportParser {
    /** other_config key holding {@code {"<BridgeMapping>": {"ready": bool, "reason": "...", "message": "..."}}}. */
    public static final String STATUS_KEY = "ovn-l2gw-bridge-mappings-status";
    /** other_config key naming the Kubernetes node the agent runs on. */
    public static final String NODE_KEY = "ovn-l2gw-node";
    /** external_ids key and value the agent marks its Chassis with. */
    public static final String OWNER_KEY = "ovn-l2gw-owner";
    public static final String AGENT_OWNER = "node-agent";

    static final String UNREADABLE_REASON = "AgentReportUnreadable";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentReportParser() {
    }

    /**
     * The report of a chassis run by our agent; empty for other chassis (an ovn-controller hypervisor
     * publishes no status and carries no mark of ours, so it is no agent).
     */
    public static Optional<AgentReport> parse(String chassis, Map<String, String> otherConfig,
                                              Map<String, String> externalIds) {
        String document = otherConfig.get(STATUS_KEY);
        boolean marked = AGENT_OWNER.equals(externalIds.get(OWNER_KEY));
        if (document == null && !marked) {
            return Optional.empty();
        }
        String node = Optional.ofNullable(otherConfig.get(NODE_KEY)).filter(n -> !n.isBlank()).orElse(chassis);
        if (document == null || document.isBlank()) {
            return Optional.of(new AgentReport(chassis, node, Map.of(), Optional.empty()));
        }
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            return Optional.of(unreadable(chassis, node, "not JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            return Optional.of(unreadable(chassis, node, "not a JSON object"));
        }
        Map<String, MappingOutcome> outcomes = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            outcomes.put(entry.getKey(), outcome(entry.getValue()));
        }
        return Optional.of(new AgentReport(chassis, node, outcomes, Optional.empty()));
    }

    private static AgentReport unreadable(String chassis, String node, String why) {
        return new AgentReport(chassis, node, Map.of(), Optional.of(STATUS_KEY + " is " + why));
    }

    private static MappingOutcome outcome(JsonNode entry) {
        if (entry == null || !entry.isObject() || !entry.path("ready").isBoolean()) {
            return new MappingOutcome(false, UNREADABLE_REASON,
                    "the agent's entry is not an object with a boolean \"ready\": " + entry);
        }
        boolean ready = entry.get("ready").booleanValue();
        String reason = text(entry, "reason");
        if (reason == null || !reason.matches("[A-Za-z][A-Za-z0-9]*")) {
            reason = ready ? "Applied" : "NotApplied";
        }
        String message = text(entry, "message");
        return new MappingOutcome(ready, reason, message == null ? "" : message);
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
