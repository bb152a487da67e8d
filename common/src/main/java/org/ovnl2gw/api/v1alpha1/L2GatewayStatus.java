package org.ovnl2gw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.generator.annotation.Min;
import java.util.List;

/**
 * What the operator observed and did for an L2Gateway. Immutable: the operator builds a new
 * status with the {@code with...} methods and patches it only when it differs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record L2GatewayStatus(
        @JsonPropertyDescription("Accepted, Programmed, Bound and Ready conditions (Kubernetes condition convention).")
        List<Condition> conditions,

        @PrinterColumn(name = "Gateway Node", priority = 0)
        @JsonPropertyDescription("Node currently chosen as the gateway chassis; empty when none is eligible.")
        String gatewayNode,

        @JsonPropertyDescription("Name of the OVN l2gateway Logical_Switch_Port the operator owns for this gateway.")
        String logicalPort,

        @Min(0)
        @JsonPropertyDescription("metadata.generation of the spec this status was computed from.")
        Long observedGeneration,

        @PrinterColumn(name = "Standby", priority = 0)
        @JsonPropertyDescription("Nodes standing by to take the gateway over, in takeover order; empty when there is"
                + " none (the gateway node is then a single point of failure).")
        List<String> standbyNodes) {

    /** The status of a resource never visited. */
    public static final L2GatewayStatus EMPTY = new L2GatewayStatus(List.of(), null, null, null, List.of());

    public L2GatewayStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        standbyNodes = standbyNodes == null ? List.of() : List.copyOf(standbyNodes);
    }

    public L2GatewayStatus(List<Condition> conditions, String gatewayNode, String logicalPort, Long observedGeneration) {
        this(conditions, gatewayNode, logicalPort, observedGeneration, List.of());
    }

    /** This status with one condition set, keeping its transition time when its status is unchanged. */
    public L2GatewayStatus withCondition(Condition condition) {
        return new L2GatewayStatus(Conditions.set(conditions, condition), gatewayNode, logicalPort, observedGeneration,
                standbyNodes);
    }

    public L2GatewayStatus withGatewayNode(String node) {
        return new L2GatewayStatus(conditions, node, logicalPort, observedGeneration, standbyNodes);
    }

    public L2GatewayStatus withLogicalPort(String port) {
        return new L2GatewayStatus(conditions, gatewayNode, port, observedGeneration, standbyNodes);
    }

    public L2GatewayStatus withObservedGeneration(Long generation) {
        return new L2GatewayStatus(conditions, gatewayNode, logicalPort, generation, standbyNodes);
    }

    public L2GatewayStatus withStandbyNodes(List<String> nodes) {
        return new L2GatewayStatus(conditions, gatewayNode, logicalPort, observedGeneration, nodes);
    }
}
