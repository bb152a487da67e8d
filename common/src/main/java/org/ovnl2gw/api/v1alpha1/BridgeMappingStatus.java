package org.ovnl2gw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.generator.annotation.Min;
import java.util.List;

/**
 * What the operator gathered from the node agents for a BridgeMapping. Immutable; lists are
 * always serialized, even empty, so a merge patch clears results of nodes no longer selected.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BridgeMappingStatus(
        @JsonPropertyDescription("Ready condition (Kubernetes condition convention): True when every selected node "
                + "has applied the mappings.")
        List<Condition> conditions,

        @JsonPropertyDescription("Per-node result for every selected node, sorted by node name.")
        List<NodeMappingResult> nodes,

        @Min(0)
        @PrinterColumn(name = "Selected", priority = 0)
        @JsonPropertyDescription("Number of nodes the nodeSelector selects.")
        int selectedNodes,

        @Min(0)
        @PrinterColumn(name = "Ready Nodes", priority = 0)
        @JsonPropertyDescription("Number of selected nodes where the mappings are in place.")
        int readyNodes,

        @Min(0)
        @JsonPropertyDescription("metadata.generation of the spec this status was computed from.")
        Long observedGeneration) {

    /** The status of a resource never visited. */
    public static final BridgeMappingStatus EMPTY = new BridgeMappingStatus(List.of(), List.of(), 0, 0, null);

    public BridgeMappingStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** This status with one condition set, keeping its transition time when its status is unchanged. */
    public BridgeMappingStatus withCondition(Condition condition) {
        return new BridgeMappingStatus(Conditions.set(conditions, condition), nodes, selectedNodes, readyNodes,
                observedGeneration);
    }

    /** This status with new per-node results; the counts are derived from them so they cannot disagree. */
    public BridgeMappingStatus withNodes(List<NodeMappingResult> results) {
        int ready = (int) results.stream().filter(NodeMappingResult::ready).count();
        return new BridgeMappingStatus(conditions, results, results.size(), ready, observedGeneration);
    }

    public BridgeMappingStatus withObservedGeneration(Long generation) {
        return new BridgeMappingStatus(conditions, nodes, selectedNodes, readyNodes, generation);
    }
}
