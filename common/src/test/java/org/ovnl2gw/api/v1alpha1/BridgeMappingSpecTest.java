package org.ovnl2gw.api.v1alpha1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BridgeMappingSpecTest {

    private static BridgeMappingSpec spec(NetworkMapping... mappings) {
        return new BridgeMappingSpec(null, Arrays.asList(mappings));
    }

    private static List<String> paths(BridgeMappingSpec spec) {
        return spec.validate().stream().map(SpecProblem::path).toList();
    }

    @Test
    void aCompleteSpecHasNoProblems() {
        LabelSelector selector = new LabelSelectorBuilder().addToMatchLabels("node-role.kubernetes.io/gateway", "")
                .build();
        BridgeMappingSpec spec = new BridgeMappingSpec(selector, List.of(
                new NetworkMapping("physnet1", "br-phys", "eth1"),
                new NetworkMapping("physnet2", "br-phys", "eth1"),
                new NetworkMapping("storage", "br-storage", null)));
        assertEquals(List.of(), spec.validate());
    }

    @Test
    void atLeastOneMappingIsRequired() {
        assertEquals(List.of("spec.mappings"), paths(new BridgeMappingSpec(null, null)));
        assertEquals(List.of("spec.mappings"), paths(new BridgeMappingSpec(null, List.of())));
    }

    @Test
    void atMost32Mappings() {
        List<NetworkMapping> many = IntStream.range(0, 33)
                .mapToObj(i -> new NetworkMapping("net" + i, "br" + i, null)).toList();
        assertEquals(List.of("spec.mappings"), paths(new BridgeMappingSpec(null, many)));
    }

    @Test
    void aNullMappingIsReportedNotThrown() {
        assertEquals(List.of("spec.mappings[0]"), paths(spec((NetworkMapping) null)));
    }

    @Test
    void networkNameAndBridgeAreRequired() {
        assertEquals(List.of("spec.mappings[0].networkName", "spec.mappings[0].bridge"),
                paths(spec(new NetworkMapping(null, null, null))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,b", "a:b", "a b", ""})
    void networkNameFollowsTheL2GatewayRule(String networkName) {
        assertEquals(List.of("spec.mappings[0].networkName"),
                paths(spec(new NetworkMapping(networkName, "br-phys", null))));
    }

    @Test
    void networkNameIsAtMost64Characters() {
        assertEquals(List.of("spec.mappings[0].networkName"),
                paths(spec(new NetworkMapping("n".repeat(65), "br-phys", null))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"br-sixteen-chars", "br/phys", "br phys", "-brphys", ".", "..", "br:phys"})
    void bridgeMustBeAnInterfaceName(String bridge) {
        assertEquals(List.of("spec.mappings[0].bridge"), paths(spec(new NetworkMapping("physnet1", bridge, null))));
    }

    @Test
    void bridgeOf15CharactersIsAccepted() {
        assertEquals(List.of(), paths(spec(new NetworkMapping("physnet1", "br-fifteen-chrs", null))));
    }

    @Test
    void theIntegrationBridgeIsRefused() {
        List<SpecProblem> problems = spec(new NetworkMapping("physnet1", "br-int", null)).validate();
        assertEquals(List.of(new SpecProblem("spec.mappings[0].bridge", FieldRules.INTEGRATION_BRIDGE_MESSAGE)),
                problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "enp0s31f6-too-long", "eth 1", "eth/1"})
    void uplinkMustBeAnInterfaceName(String uplink) {
        assertEquals(List.of("spec.mappings[0].uplink"), paths(spec(new NetworkMapping("physnet1", "br-phys", uplink))));
    }

    @Test
    void uplinkMayBeAVlanSubinterface() {
        assertEquals(List.of(), paths(spec(new NetworkMapping("physnet1", "br-phys", "eth1.100"))));
    }

    @Test
    void uplinkMustDifferFromTheBridge() {
        assertEquals(List.of("spec.mappings[0].uplink"), paths(spec(new NetworkMapping("physnet1", "br-phys", "br-phys"))));
    }

    @Test
    void duplicateNetworkNamesAreReportedOnTheLaterEntry() {
        List<SpecProblem> problems = spec(
                new NetworkMapping("physnet1", "br-a", null),
                new NetworkMapping("physnet2", "br-b", null),
                new NetworkMapping("physnet1", "br-c", null)).validate();
        assertEquals(1, problems.size());
        assertEquals("spec.mappings[2].networkName", problems.get(0).path());
        assertTrue(problems.get(0).message().startsWith(FieldRules.DUPLICATE_NETWORK_MESSAGE));
        assertTrue(problems.get(0).message().contains("spec.mappings[0]"));
    }

    @Test
    void oneUplinkCannotServeTwoBridges() {
        assertEquals(List.of("spec.mappings[1].uplink"), paths(spec(
                new NetworkMapping("physnet1", "br-a", "eth1"),
                new NetworkMapping("physnet2", "br-b", "eth1"))));
    }

    @Test
    void selectorProblemsCarryTheNodeSelectorPath() {
        LabelSelector selector = new LabelSelectorBuilder()
                .addNewMatchExpression().withKey("zone").withOperator("Exists").withValues("a").endMatchExpression()
                .build();
        assertEquals(List.of("spec.nodeSelector.matchExpressions[0].values"),
                paths(new BridgeMappingSpec(selector, List.of(new NetworkMapping("physnet1", "br-phys", null)))));
    }

    @Test
    void selectsNodesByLabels() {
        LabelSelector selector = new LabelSelectorBuilder().addToMatchLabels("rack", "r1").build();
        BridgeMappingSpec spec = new BridgeMappingSpec(selector, List.of(new NetworkMapping("physnet1", "br-phys", null)));
        assertTrue(spec.selects(Map.of("rack", "r1", "zone", "a")));
        assertFalse(spec.selects(Map.of("rack", "r2")));
        assertTrue(new BridgeMappingSpec(null, spec.mappings()).selects(Map.of()));
    }
}
