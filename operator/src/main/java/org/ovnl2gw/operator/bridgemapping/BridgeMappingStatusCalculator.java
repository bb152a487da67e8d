package org.ovnl2gw.operator.bridgemapping;

import io.fabric8.kubernetes.api.model.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ovnl2gw.api.v1alpha1.BridgeMapping;
import org.ovnl2gw.api.v1alpha1.BridgeMappingStatus;
import org.ovnl2gw.api.v1alpha1.Condition;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.NodeMappingResult;
import org.ovnl2gw.api.v1alpha1.SpecProblem;
import org.ovnl2gw.contract.BridgeMappingsStatus;
import org.ovnl2gw.contract.MappingResult;

/**
 * The whole status of a BridgeMapping, in one place: {@code Accepted} (the spec passes the checks the CRD
 * schema declares, repeated here because the API server may not enforce them), one result per selected node
 * from its agent's report, the counts, and {@code Ready}. Pure: the same inputs give the same status, and
 * transition times survive while a condition's status does not change.
 */
public final class BridgeMappingStatusCalculator {
    public static final String REASON_VALID = "Valid";
    public static final String REASON_INVALID_SPEC = "InvalidSpec";
    public static final String REASON_APPLIED = "Applied";
    public static final String REASON_NOT_APPLIED_EVERYWHERE = "NotAppliedOnAllNodes";
    public static final String REASON_NO_NODES_SELECTED = "NoNodesSelected";
    public static final String REASON_SOUTHBOUND_UNAVAILABLE = "SouthboundUnavailable";
    public static final String REASON_AGENT_NOT_REPORTING = "AgentNotReporting";
    public static final String REASON_NOT_YET_REPORTED = "NotYetReportedByAgent";
    /**
     * Ready's reason while every node not ready yet is one whose agent has not reported the mapping: the step every
     * new mapping (and every node newly selected) goes through, so a Normal Event until the progress deadline.
     */
    public static final String REASON_WAITING_FOR_AGENTS = "WaitingForAgents";

    /** How many not-ready nodes the Ready message names before it says "and N more". */
    private static final int NODES_NAMED_IN_MESSAGE = 5;

    private final Function<BridgeMapping, Optional<SpecProblem>> readProblem;

    /** A calculator for mappings that were all read whole. */
    public BridgeMappingStatusCalculator() {
        this(mapping -> Optional.empty());
    }

    /** @param readProblem why a mapping was read without its spec (see {@code UnreadableResources}), if it was */
    public BridgeMappingStatusCalculator(Function<BridgeMapping, Optional<SpecProblem>> readProblem) {
        this.readProblem = readProblem;
    }

    /**
     * @param reports the agents' reports, or empty when the Southbound database cannot be read right now
     * @param nodes every Kubernetes node; selection happens here, on their labels
     */
    public BridgeMappingStatus compute(BridgeMapping mapping, List<Node> nodes, Optional<AgentReportsSnapshot> reports,
                                       Instant now) {
        BridgeMappingStatus current = mapping.getStatus() == null ? BridgeMappingStatus.EMPTY : mapping.getStatus();
        long generation = Optional.ofNullable(mapping.getMetadata().getGeneration()).orElse(0L);
        BridgeMappingStatus status = current.withObservedGeneration(generation);

        List<SpecProblem> problems = readProblem.apply(mapping).map(List::of)
                .orElseGet(() -> mapping.getSpec() == null
                        ? List.of(new SpecProblem("spec", "is required"))
                        : mapping.getSpec().validate());
        if (!problems.isEmpty()) {
            String message = problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; "));
            return status.withNodes(List.of())
                    .withCondition(Condition.of(ConditionTypes.ACCEPTED, Condition.FALSE, REASON_INVALID_SPEC,
                            message, generation, now))
                    .withCondition(Condition.of(ConditionTypes.READY, Condition.FALSE, REASON_INVALID_SPEC,
                            "not applied anywhere: the spec is invalid (see Accepted)", generation, now));
        }
        status = status.withCondition(Condition.of(ConditionTypes.ACCEPTED, Condition.TRUE, REASON_VALID,
                "the spec is valid", generation, now));
        if (reports.isEmpty()) {
            // Keep the last known node results: the agents' state did not change just because we cannot see it.
            return status.withCondition(Condition.of(ConditionTypes.READY, Condition.UNKNOWN,
                    REASON_SOUTHBOUND_UNAVAILABLE, "cannot read the agents' reports: the Southbound database "
                            + "is not connected", generation, now));
        }
        List<NodeMappingResult> results = new ArrayList<>();
        for (Node node : selectedNodes(mapping, nodes)) {
            results.add(resultFor(mapping.getMetadata().getName(), node.getMetadata().getName(), reports.get()));
        }
        status = status.withNodes(results);
        return status.withCondition(ready(status, generation, now));
    }

    private static List<Node> selectedNodes(BridgeMapping mapping, List<Node> nodes) {
        return nodes.stream()
                .filter(n -> mapping.getSpec().selects(n.getMetadata().getLabels()))
                .sorted(Comparator.comparing(n -> n.getMetadata().getName()))
                .toList();
    }

    private static NodeMappingResult resultFor(String mappingName, String node, AgentReportsSnapshot reports) {
        Optional<AgentReport> report = reports.forNode(node);
        if (report.isEmpty()) {
            return new NodeMappingResult(node, false, REASON_AGENT_NOT_REPORTING,
                    "no node agent has registered a Southbound chassis for this node");
        }
        if (report.get().unreadable().isPresent()) {
            return new NodeMappingResult(node, false, BridgeMappingsStatus.UNREADABLE,
                    "chassis " + report.get().chassis() + ": " + report.get().unreadable().get());
        }
        MappingResult outcome = report.get().mappings().get(mappingName);
        if (outcome == null) {
            return new NodeMappingResult(node, false, REASON_NOT_YET_REPORTED,
                    "the agent on chassis " + report.get().chassis() + " has not reported this BridgeMapping yet");
        }
        return new NodeMappingResult(node, outcome.ready(), outcome.reason(), outcome.message());
    }

    private static Condition ready(BridgeMappingStatus status, long generation, Instant now) {
        if (status.selectedNodes() == 0) {
            return Condition.of(ConditionTypes.READY, Condition.FALSE, REASON_NO_NODES_SELECTED,
                    "the nodeSelector matches no node", generation, now);
        }
        if (status.readyNodes() == status.selectedNodes()) {
            return Condition.of(ConditionTypes.READY, Condition.TRUE, REASON_APPLIED,
                    "applied on all " + status.selectedNodes() + " selected nodes", generation, now);
        }
        List<NodeMappingResult> notReady = status.nodes().stream().filter(n -> !n.ready()).toList();
        String counts = status.readyNodes() + " of " + status.selectedNodes() + " selected nodes ready";
        if (notReady.stream().allMatch(n -> n.reason().equals(REASON_NOT_YET_REPORTED))) {
            return Condition.of(ConditionTypes.READY, Condition.FALSE, REASON_WAITING_FOR_AGENTS, counts
                    + "; waiting for the node agents on " + named(notReady, NodeMappingResult::node)
                    + " to apply and report it", generation, now);
        }
        return Condition.of(ConditionTypes.READY, Condition.FALSE, REASON_NOT_APPLIED_EVERYWHERE, counts
                + "; not ready: " + named(notReady, n -> n.node() + " (" + n.reason() + ")"), generation, now);
    }

    private static String named(List<NodeMappingResult> nodes, Function<NodeMappingResult, String> naming) {
        String named = nodes.stream().limit(NODES_NAMED_IN_MESSAGE).map(naming).collect(Collectors.joining(", "));
        return nodes.size() > NODES_NAMED_IN_MESSAGE
                ? named + " and " + (nodes.size() - NODES_NAMED_IN_MESSAGE) + " more" : named;
    }
}
