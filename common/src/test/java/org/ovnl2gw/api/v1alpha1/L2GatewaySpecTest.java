package org.ovnl2gw.api.v1alpha1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class L2GatewaySpecTest {

    private static L2GatewaySpec spec(String logicalSwitch, String networkName, Integer vlan, GatewayNodes nodes) {
        return new L2GatewaySpec(logicalSwitch, networkName, vlan, nodes);
    }

    private static List<String> paths(L2GatewaySpec spec) {
        return spec.validate().stream().map(SpecProblem::path).toList();
    }

    @Test
    void aCompleteSpecHasNoProblems() {
        LabelSelector selector = new LabelSelectorBuilder().addToMatchLabels("l2gw.ovn.org/gateway", "true").build();
        GatewayNodes nodes = new GatewayNodes(selector, List.of("node-a", "node-b.example.com"));
        assertEquals(List.of(), spec("ls0", "physnet1", 100, nodes).validate());
    }

    @Test
    void onlySwitchAndNetworkAreRequired() {
        assertEquals(List.of(), spec("ls0", "physnet1", null, null).validate());
    }

    @Test
    void missingSwitchAndNetworkAreBothReported() {
        List<SpecProblem> problems = spec(null, "", null, null).validate();
        assertEquals(List.of(new SpecProblem("spec.logicalSwitch", "is required"),
                new SpecProblem("spec.networkName", "is required")), problems);
    }

    @Test
    void switchNameMustNotContainWhitespaceOrExceed253Characters() {
        assertEquals(List.of("spec.logicalSwitch"), paths(spec("my switch", "physnet1", null, null)));
        assertEquals(List.of("spec.logicalSwitch"), paths(spec("s".repeat(254), "physnet1", null, null)));
        assertEquals(List.of(), paths(spec("s".repeat(253), "physnet1", null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"phys,net", "phys:net", "phys net", "phys\tnet"})
    void networkNameRefusesCharactersThatBreakBridgeMappings(String networkName) {
        List<SpecProblem> problems = spec("ls0", networkName, null, null).validate();
        assertEquals(1, problems.size());
        assertEquals("spec.networkName", problems.get(0).path());
        assertTrue(problems.get(0).message().contains("ovn-bridge-mappings"), problems.get(0).message());
    }

    @Test
    void networkNameIsAtMost64Characters() {
        assertEquals(List.of(), paths(spec("ls0", "n".repeat(64), null, null)));
        assertEquals(List.of("spec.networkName"), paths(spec("ls0", "n".repeat(65), null, null)));
    }

    @Test
    void vlanIsBetween1And4094() {
        assertEquals(List.of(), paths(spec("ls0", "physnet1", 1, null)));
        assertEquals(List.of(), paths(spec("ls0", "physnet1", 4094, null)));
        assertEquals(List.of("spec.vlan"), paths(spec("ls0", "physnet1", 0, null)));
        assertEquals(List.of("spec.vlan"), paths(spec("ls0", "physnet1", 4095, null)));
        assertEquals("must be between 1 and 4094, got 4095",
                spec("ls0", "physnet1", 4095, null).validate().get(0).message());
    }

    @Test
    void preferredNodesMustBeNodeNamesListedOnce() {
        GatewayNodes nodes = new GatewayNodes(null, Arrays.asList("node-a", "Node_B", null, "node-a"));
        assertEquals(List.of("spec.gatewayNodes.preferredNodes[1]", "spec.gatewayNodes.preferredNodes[2]",
                "spec.gatewayNodes.preferredNodes[3]"), paths(spec("ls0", "physnet1", null, nodes)));
    }

    @Test
    void preferredNodesAreLimitedTo32() {
        List<String> many = java.util.stream.IntStream.range(0, 33).mapToObj(i -> "node-" + i).toList();
        assertEquals(List.of("spec.gatewayNodes.preferredNodes"),
                paths(spec("ls0", "physnet1", null, new GatewayNodes(null, many))));
    }

    @Test
    void selectorProblemsCarryTheGatewayNodesPath() {
        LabelSelector selector = new LabelSelectorBuilder()
                .addNewMatchExpression().withKey("zone").withOperator("in").withValues("a").endMatchExpression()
                .build();
        assertEquals(List.of("spec.gatewayNodes.nodeSelector.matchExpressions[0].operator"),
                paths(spec("ls0", "physnet1", null, new GatewayNodes(selector, null))));
    }

    @Test
    void absentGatewayNodesAdmitEveryNode() {
        L2GatewaySpec spec = spec("ls0", "physnet1", null, null);
        assertTrue(spec.gatewayNodesOrAny().admits(java.util.Map.of("any", "label")));
        assertTrue(spec.gatewayNodesOrAny().preferredNodes().isEmpty());
    }
}
