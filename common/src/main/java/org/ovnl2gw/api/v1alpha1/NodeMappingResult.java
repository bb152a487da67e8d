package org.ovnl2gw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** How applying a BridgeMapping went on one selected node, as its node agent reported it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeMappingResult(
        @Required
        @JsonPropertyDescription("Node name.")
        String node,

        @Required
        @JsonPropertyDescription("Whether every mapping is in place on the node: bridge, uplink and "
                + "ovn-bridge-mappings entry.")
        boolean ready,

        @JsonPropertyDescription("CamelCase reason for the node's state, e.g. Applied, UplinkMissing, AgentNotReporting.")
        String reason,

        @JsonPropertyDescription("Human-readable detail for the node's state.")
        String message) {
}
