package org.ovnl2gw.operator.bridgemapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.api.v1alpha1.BridgeMapping;
import org.ovnl2gw.api.v1alpha1.BridgeMappingSpec;
import org.ovnl2gw.api.v1alpha1.BridgeMappingStatus;
import org.ovnl2gw.api.v1alpha1.Condition;
import org.ovnl2gw.api.v1alpha1.ConditionTypes;
import org.ovnl2gw.api.v1alpha1.Conditions;
import org.ovnl2gw.api.v1alpha1.NetworkMapping;
import org.ovnl2gw.api.v1alpha1.NodeMappingResult;
import org.ovnl2gw.testbed.Eventually;
import org.ovnl2gw.operator.ops.OperatorFixture;
import org.ovnl2gw.testbed.OvnCentral;
import org.ovnl2gw.contract.ChassisKeys;

/**
 * BridgeMapping status through the real interface: Kubernetes Nodes in the embedded API, and Chassis rows in a
 * real Southbound ovsdb-server written here with ovn-sbctl exactly as a node agent publishes them. The resync
 * period is long, so what converges here converges through the Southbound and Node events.
 */
class BridgeMappingStatusIT {

    @Test
    void statusFollowsWhatTheAgentsPublishOnTheSelectedNodes() {
        try (OperatorFixture fixture = OperatorFixture.start("op-bm", "--bridge-mapping-resync", "600")) {
            node(fixture, "gw1", "gateway");
            node(fixture, "gw2", "gateway");
            node(fixture, "hv1", "compute");
            // set-based on purpose: the embedded API would ignore it and return every node
            BridgeMapping physnet = new BridgeMapping("physnet1", new BridgeMappingSpec(
                    new LabelSelectorBuilder().addNewMatchExpression().withKey("role").withOperator("In")
                            .withValues("gateway").endMatchExpression().build(),
                    List.of(new NetworkMapping("physnet1", "br-phys", null))));
            fixture.kube().client().resources(BridgeMapping.class).resource(physnet).create();

            BridgeMappingStatus none = awaitStatus(fixture, "physnet1", "both gateways without agents",
                    s -> s.selectedNodes() == 2 && s.nodes().stream()
                            .allMatch(n -> n.reason().equals("AgentNotReporting")));
            assertCondition(none, ConditionTypes.ACCEPTED, "True", "Valid");
            assertCondition(none, ConditionTypes.READY, "False", "NotAppliedOnAllNodes");
            assertEquals(0, none.readyNodes());

            OvnCentral central = fixture.central();
            publish(central, "gw1", "gw1", "{\"physnet1\":{\"ready\":true,\"reason\":\"Applied\",\"message\":\"ok\"}}");
            // chassis named differently from the node: the agent says which node it is
            publish(central, "chassis-gw2", "gw2", "{\"physnet1\":{\"ready\":false,\"reason\":\"UplinkMissing\","
                    + "\"message\":\"interface eth9 not found\"}}");
            BridgeMappingStatus partial = awaitStatus(fixture, "physnet1", "gw1 applied, gw2 failing",
                    s -> s.readyNodes() == 1 && s.nodes().stream().anyMatch(n -> n.reason().equals("UplinkMissing")));
            assertEquals(List.of(new NodeMappingResult("gw1", true, "Applied", "ok"),
                    new NodeMappingResult("gw2", false, "UplinkMissing", "interface eth9 not found")), partial.nodes());
            Condition notReady = assertCondition(partial, ConditionTypes.READY, "False", "NotAppliedOnAllNodes");
            assertTrue(notReady.message().contains("gw2 (UplinkMissing)"), notReady.message());

            publish(central, "chassis-gw2", "gw2", "{\"physnet1\":{\"ready\":true,\"reason\":\"Applied\"}}");
            BridgeMappingStatus ready = awaitStatus(fixture, "physnet1", "Ready",
                    s -> Conditions.isTrue(s.conditions(), ConditionTypes.READY));
            assertEquals(2, ready.selectedNodes());
            assertEquals(2, ready.readyNodes());
            assertCondition(ready, ConditionTypes.READY, "True", "Applied");
            List<String> events = Eventually.await("Events for both Ready transitions", () -> eventsAbout(fixture,
                    "physnet1"), e -> e.contains("Warning NotAppliedOnAllNodes") && e.contains("Normal Applied"));
            // gw2 going from UplinkMissing to Applied while gw1 stayed applied is one transition, one event
            assertEquals(1, events.stream().filter(e -> e.equals("Normal Applied")).count(), events.toString());

            // a node joining the selection by a label change is seen without a resync
            fixture.kube().client().nodes().withName("hv1").edit(n -> {
                n.getMetadata().getLabels().put("role", "gateway");
                return n;
            });
            BridgeMappingStatus grown = awaitStatus(fixture, "physnet1", "hv1 selected",
                    s -> s.selectedNodes() == 3);
            assertEquals(new NodeMappingResult("hv1", false, "AgentNotReporting",
                    "no node agent has registered a Southbound chassis for this node"), grown.nodes().get(2));
            assertCondition(grown, ConditionTypes.READY, "False", "NotAppliedOnAllNodes");

            // the chassis going away (agent withdrawn) is seen as well
            central.sbctl("chassis-del", "gw1");
            awaitStatus(fixture, "physnet1", "gw1 no longer reporting",
                    s -> s.nodes().get(0).reason().equals("AgentNotReporting"));
        }
    }

    @Test
    void aNewMappingWaitsForItsAgentsWithoutAWarning() {
        try (OperatorFixture fixture = OperatorFixture.start("op-bm-new", "--bridge-mapping-resync", "600")) {
            node(fixture, "gw1", "gateway");
            node(fixture, "gw2", "gateway");
            // the agents are there and report, but have not applied the new mapping yet
            publish(fixture.central(), "gw1", "gw1", "{}");
            publish(fixture.central(), "chassis-gw2", "gw2", "{}");
            BridgeMapping physnet = new BridgeMapping("physnet1", new BridgeMappingSpec(null,
                    List.of(new NetworkMapping("physnet1", "br-phys", null))));
            fixture.kube().client().resources(BridgeMapping.class).resource(physnet).create();
            BridgeMappingStatus waiting = awaitStatus(fixture, "physnet1", "waiting for the agents",
                    s -> Conditions.find(s.conditions(), ConditionTypes.READY).isPresent());
            Condition ready = assertCondition(waiting, ConditionTypes.READY, "False", "WaitingForAgents");
            assertTrue(ready.message().contains("waiting for the node agents on gw1, gw2"), ready.message());

            // one agent reports at once, the other a moment later: one wait, so one Event for it
            String applied = "{\"physnet1\":{\"ready\":true,\"reason\":\"Applied\"}}";
            publish(fixture.central(), "gw1", "gw1", applied);
            awaitStatus(fixture, "physnet1", "gw1 applied", s -> s.readyNodes() == 1);
            publish(fixture.central(), "chassis-gw2", "gw2", applied);
            awaitStatus(fixture, "physnet1", "Ready", s -> Conditions.isTrue(s.conditions(), ConditionTypes.READY));
            List<String> events = Eventually.await("Events for both", () -> eventsAbout(fixture, "physnet1"),
                    e -> e.contains("Normal Applied"));
            assertEquals(List.of("Normal WaitingForAgents", "Normal Applied"), events);
        }
    }

    @Test
    void anInvalidSpecIsNotAccepted() {
        try (OperatorFixture fixture = OperatorFixture.start("op-bm-bad", "--bridge-mapping-resync", "600")) {
            node(fixture, "gw1", "gateway");
            BridgeMapping bad = new BridgeMapping("bad", new BridgeMappingSpec(null, List.of(
                    new NetworkMapping("physnet1", "br-int", null),
                    new NetworkMapping("physnet1", "br-other", null))));
            // as if the schema had been bypassed: the operator checks specs itself
            fixture.kube().schemaLessClient().resources(BridgeMapping.class).resource(bad).create();

            BridgeMappingStatus status = awaitStatus(fixture, "bad", "not accepted",
                    s -> Conditions.find(s.conditions(), ConditionTypes.ACCEPTED).isPresent());
            Condition accepted = assertCondition(status, ConditionTypes.ACCEPTED, "False", "InvalidSpec");
            assertTrue(accepted.message().contains("spec.mappings[1].networkName"), accepted.message());
            assertCondition(status, ConditionTypes.READY, "False", "InvalidSpec");
            assertEquals(0, status.selectedNodes());
            assertEquals(1L, status.observedGeneration());
        }
    }

    /** "type reason" of the Events about a BridgeMapping (the embedded API cannot filter by involvedObject). */
    private static List<String> eventsAbout(OperatorFixture fixture, String name) {
        return fixture.kube().client().v1().events().inNamespace("default").list().getItems().stream()
                .filter(e -> "BridgeMapping".equals(e.getInvolvedObject().getKind())
                        && name.equals(e.getInvolvedObject().getName()))
                .map(e -> e.getType() + " " + e.getReason()).toList();
    }

    private static void node(OperatorFixture fixture, String name, String role) {
        Node node = new NodeBuilder().withNewMetadata().withName(name).addToLabels("role", role).endMetadata().build();
        fixture.kube().client().nodes().resource(node).create();
    }

    /** What a node agent writes: a Chassis (with its Encap) and the two other_config keys of the contract. */
    private static void publish(OvnCentral central, String chassis, String node, String statusJson) {
        central.sbctl("--may-exist", "chassis-add", chassis, "geneve", "192.0.2." + (chassis.length() + node.length()));
        central.sbctl("set", "Chassis", chassis, "other_config:" + ChassisKeys.NODE + "=" + node,
                "other_config:" + ChassisKeys.BRIDGE_MAPPINGS_STATUS + "=\"" + statusJson.replace("\"", "\\\"") + "\"");
    }

    private static BridgeMappingStatus awaitStatus(OperatorFixture fixture, String name, String what,
                                                   Predicate<BridgeMappingStatus> accept) {
        return Eventually.await(what, () -> {
            BridgeMapping bm = fixture.kube().client().resources(BridgeMapping.class).withName(name).get();
            return bm == null ? null : bm.getStatus();
        }, s -> s != null && accept.test(s));
    }

    private static Condition assertCondition(BridgeMappingStatus status, String type, String value, String reason) {
        Condition condition = Conditions.find(status.conditions(), type).orElseThrow(() ->
                new AssertionError("no " + type + " condition in " + status));
        assertEquals(value, condition.status(), type + " in " + status);
        assertEquals(reason, condition.reason(), type + " in " + status);
        return condition;
    }
}
