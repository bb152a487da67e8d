package org.ovnl2gw.operator.bridgemapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.api.v1alpha1.BridgeMapping;
import org.ovnl2gw.api.v1alpha1.BridgeMappingSpec;
import org.ovnl2gw.api.v1alpha1.BridgeMappingStatus;
import org.ovnl2gw.api.v1alpha1.Condition;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.Conditions;
import org.ovnl2gw.api.v1alpha1.NetworkMapping;
import org.ovnl2gw.api.v1alpha1.NodeMappingResult;
import org.ovnl2gw.contract.MappingResult;

class BridgeMappingStatusCalculatorTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-01T00:05:00Z");
    private static final LabelSelector GATEWAYS = new LabelSelectorBuilder()
            .addNewMatchExpression().withKey("role").withOperator("In").withValues("gateway").endMatchExpression()
            .build();

    private final BridgeMappingStatusCalculator calculator = new BridgeMappingStatusCalculator();

    @Test
    void readyWhenEverySelectedNodeApplied() {
        BridgeMapping bm = mapping("physnet1", GATEWAYS);
        List<Node> nodes = List.of(node("gw2", "gateway"), node("gw1", "gateway"), node("hv1", "compute"));
        BridgeMappingStatus status = calculator.compute(bm, nodes, reports(
                report("gw1", "bm1", true, "Applied"), report("gw2", "bm1", true, "Applied")), T0);

        assertEquals(List.of(new NodeMappingResult("gw1", true, "Applied", ""),
                new NodeMappingResult("gw2", true, "Applied", "")), status.nodes());
        assertEquals(2, status.selectedNodes());
        assertEquals(2, status.readyNodes());
        assertEquals(7L, status.observedGeneration());
        assertCondition(status, ConditionTypes.ACCEPTED, "True", "Valid");
        assertCondition(status, ConditionTypes.READY, "True", "Applied");
    }

    @Test
    void aSelectedNodeWithoutAgentOrWithAnErrorIsNotReady() {
        BridgeMapping bm = mapping("physnet1", GATEWAYS);
        BridgeMappingStatus status = onThreeGateways(bm, report("gw1", "bm1", true, "Applied"),
                report("gw2", "bm1", false, "UplinkMissing"), report("gw3", "other", true, "Applied"));

        assertEquals(3, status.selectedNodes());
        assertEquals(1, status.readyNodes());
        assertEquals("UplinkMissing", status.nodes().get(1).reason());
        assertEquals("NotYetReportedByAgent", status.nodes().get(2).reason());
        Condition ready = assertCondition(status, ConditionTypes.READY, "False", "NotAppliedOnAllNodes");
        assertTrue(ready.message().contains("gw2 (UplinkMissing)"), ready.message());

        BridgeMappingStatus noAgent = calculator.compute(bm, List.of(node("gw4", "gateway")), reports(), T0);
        assertEquals("AgentNotReporting", noAgent.nodes().get(0).reason());
    }

    @Test
    void nodesWhoseAgentsHaveNotReportedTheMappingYetAreWaitedFor() {
        BridgeMappingStatus status = onThreeGateways(mapping("physnet1", GATEWAYS),
                report("gw1", "bm1", true, "Applied"), report("gw2", "other", true, "Applied"),
                report("gw3", "other", true, "Applied"));
        Condition ready = assertCondition(status, ConditionTypes.READY, "False", "WaitingForAgents");
        assertEquals("1 of 3 selected nodes ready; waiting for the node agents on gw2, gw3 to apply and report it",
                ready.message());
    }

    @Test
    void noSelectedNodeIsNotReady() {
        BridgeMappingStatus status = calculator.compute(mapping("physnet1", GATEWAYS),
                List.of(node("hv1", "compute")), reports(), T0);
        assertEquals(0, status.selectedNodes());
        assertCondition(status, ConditionTypes.READY, "False", "NoNodesSelected");
    }

    @Test
    void anInvalidSpecIsNotAcceptedAndNamesTheField() {
        BridgeMapping bm = mapping("bad name!", null);
        BridgeMappingStatus status = calculator.compute(bm, List.of(node("gw1", "gateway")),
                reports(report("gw1", "bm1", true, "Applied")), T0);
        Condition accepted = assertCondition(status, ConditionTypes.ACCEPTED, "False", "InvalidSpec");
        assertTrue(accepted.message().contains("spec.mappings[0].networkName"), accepted.message());
        assertCondition(status, ConditionTypes.READY, "False", "InvalidSpec");
        assertEquals(List.of(), status.nodes());
    }

    @Test
    void southboundDownKeepsTheNodesAndSaysReadyUnknown() {
        BridgeMapping bm = mapping("physnet1", GATEWAYS);
        List<Node> nodes = List.of(node("gw1", "gateway"));
        bm.setStatus(calculator.compute(bm, nodes, reports(report("gw1", "bm1", true, "Applied")), T0));
        BridgeMappingStatus status = calculator.compute(bm, nodes, Optional.empty(), T1);
        assertEquals(1, status.readyNodes());
        assertCondition(status, ConditionTypes.READY, "Unknown", "SouthboundUnavailable");
    }

    @Test
    void anUnchangedStatusIsEqualSoNothingIsPatchedAndTimesAreKept() {
        BridgeMapping bm = mapping("physnet1", GATEWAYS);
        List<Node> nodes = List.of(node("gw1", "gateway"));
        Optional<AgentReportsSnapshot> reports = reports(report("gw1", "bm1", true, "Applied"));
        bm.setStatus(calculator.compute(bm, nodes, reports, T0));
        BridgeMappingStatus again = calculator.compute(bm, nodes, reports, T1);
        assertEquals(bm.getStatus(), again);
        assertEquals(Condition.formatTime(T0),
                Conditions.find(again.conditions(), ConditionTypes.READY).orElseThrow().lastTransitionTime());
    }

    @Test
    void twoChassisForOneNodePreferTheReadableReport() {
        AgentReport stale = new AgentReport("old-chassis", "gw1", Map.of(), Optional.of("garbage"));
        AgentReport fresh = report("gw1", "bm1", true, "Applied");
        AgentReportsSnapshot snapshot = new AgentReportsSnapshot(List.of(stale, fresh));
        assertEquals("chassis-gw1", snapshot.forNode("gw1").orElseThrow().chassis());
    }

    private static Condition assertCondition(BridgeMappingStatus status, String type, String value, String reason) {
        Condition condition = Conditions.find(status.conditions(), type).orElseThrow();
        assertEquals(value, condition.status(), type);
        assertEquals(reason, condition.reason(), type);
        return condition;
    }

    /** The status on nodes gw1, gw2 and gw3, all gateways, with these reports from their agents. */
    private BridgeMappingStatus onThreeGateways(BridgeMapping bm, AgentReport... reports) {
        List<Node> nodes = List.of(node("gw1", "gateway"), node("gw2", "gateway"), node("gw3", "gateway"));
        return calculator.compute(bm, nodes, reports(reports), T0);
    }

    private static BridgeMapping mapping(String network, LabelSelector selector) {
        BridgeMapping bm = new BridgeMapping("bm1",
                new BridgeMappingSpec(selector, List.of(new NetworkMapping(network, "br-phys", null))));
        bm.getMetadata().setGeneration(7L);
        return bm;
    }

    private static Node node(String name, String role) {
        return new NodeBuilder().withNewMetadata().withName(name).addToLabels("role", role).endMetadata().build();
    }

    /** An agent report about one BridgeMapping (by name). */
    private static AgentReport report(String node, String bridgeMapping, boolean ready, String reason) {
        return new AgentReport("chassis-" + node, node, Map.of(bridgeMapping, new MappingResult(ready, reason, "")),
                Optional.empty());
    }

    private static Optional<AgentReportsSnapshot> reports(AgentReport... reports) {
        return Optional.of(new AgentReportsSnapshot(List.of(reports)));
    }
}
