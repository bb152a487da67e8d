package org.ovnl2gw.operator.l2gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.api.v1alpha1.GatewayNodes;
import org.ovnl2gw.operator.ovn.ChassisInfo;

class GatewayChooserTest {
    private static final ChassisInfo A = chassis("a", "physnet1");
    private static final ChassisInfo B = chassis("b", "physnet1");
    private static final ChassisInfo C = chassis("c", "physnet1");
    private static final ChassisInfo OTHER = chassis("o", "physnet2");
    private final GatewayChooser chooser = new GatewayChooser(node -> node.equals("b") ? Map.of("gw", "yes") : Map.of());

    private static ChassisInfo chassis(String name, String network) {
        return new ChassisInfo(name, name, Set.of(network), true, Optional.of("1"));
    }

    private GatewayChooser.Choice choose(GatewayNodes nodes, String current, Set<String> healthy, ChassisInfo... all) {
        return chooser.choose("physnet1", nodes, Optional.ofNullable(current), Optional.empty(), List.of(all),
                healthy::contains, name -> name + " is dead");
    }

    @Test
    void firstHealthyPreferredNodeWinsElseLowestName() {
        assertEquals("c", choose(new GatewayNodes(null, List.of("x", "c", "b")), null, Set.of("a", "b", "c"), A, B, C)
                .chosen().orElseThrow().name());
        assertEquals("b", choose(new GatewayNodes(null, List.of("c", "b")), null, Set.of("a", "b"), A, B, C)
                .chosen().orElseThrow().name());
        assertEquals("a", choose(GatewayNodes.ANY, null, Set.of("a", "b", "c"), C, B, A).chosen().orElseThrow().name());
    }

    @Test
    void keepsTheCurrentChoiceWhileItIsHealthyEvenIfAPreferredNodeIsBack() {
        GatewayChooser.Choice choice = choose(new GatewayNodes(null, List.of("a")), "c", Set.of("a", "c"), A, C);
        assertEquals("c", choice.chosen().orElseThrow().name());
        assertTrue(choice.movedFrom().isEmpty());
    }

    @Test
    void movesToTheNextEligibleNodeWhenTheCurrentOneDiesOrVanishes() {
        GatewayChooser.Choice dead = choose(GatewayNodes.ANY, "a", Set.of("b"), A, B);
        assertEquals("b", dead.chosen().orElseThrow().name());
        assertEquals("a", dead.movedFrom().orElseThrow().name());
        GatewayChooser.Choice gone = choose(GatewayNodes.ANY, "z", Set.of("b"), A, B);
        assertEquals("z", gone.movedFrom().orElseThrow().name());
    }

    @Test
    void saysWhyThereIsNoGateway() {
        assertEquals(GatewayChooser.NETWORK_UNAVAILABLE, choose(GatewayNodes.ANY, null, Set.of("o"), OTHER).reason());
        LabelSelector selector = new LabelSelector();
        selector.setMatchLabels(Map.of("gw", "no"));
        assertEquals(GatewayChooser.NO_ELIGIBLE_NODE,
                choose(new GatewayNodes(selector, List.of()), null, Set.of("a", "b"), A, B).reason());
        GatewayChooser.Choice allDead = choose(GatewayNodes.ANY, null, Set.of(), A);
        assertEquals(GatewayChooser.NO_ELIGIBLE_NODE, allDead.reason());
        assertTrue(allDead.message().contains("a is dead"), allDead.message());
    }

    @Test
    void selectorAdmitsByNodeLabelsAndChassisNotRegisteredByTheAgentAreIgnored() {
        LabelSelector selector = new LabelSelector();
        selector.setMatchLabels(Map.of("gw", "yes"));
        assertEquals("b", choose(new GatewayNodes(selector, List.of()), null, Set.of("a", "b"), A, B)
                .chosen().orElseThrow().name());
        ChassisInfo ovnController = new ChassisInfo("hv", "hv", Set.of("physnet1"), false, Optional.empty());
        assertEquals(GatewayChooser.NETWORK_UNAVAILABLE, choose(GatewayNodes.ANY, null, Set.of("hv"), ovnController).reason());
    }

    private static final ChassisInfo K = new ChassisInfo("k", "k", Set.of("physnet1"), false, Optional.of("1"), true);

    private GatewayChooser.Choice bound(String named, String boundTo, Set<String> healthy, ChassisInfo... all) {
        return chooser.choose("physnet1", GatewayNodes.ANY, Optional.ofNullable(named), Optional.ofNullable(boundTo),
                List.of(all), healthy::contains, name -> name + " is dead");
    }

    @Test
    void aCompanionChassisIsChosenAndStandsByLikeAnAgentOne() {
        assertEquals("a", bound(null, null, Set.of("a", "k"), A, K).chosen().orElseThrow().name());
        assertEquals(List.of("k"), bound(null, null, Set.of("a", "k"), A, K).standbys().stream()
                .map(ChassisInfo::name).toList());
        assertEquals("k", bound(null, null, Set.of("k"), A, K).chosen().orElseThrow().name());
    }

    @Test
    void anUnhealthyAgentGatewayIsLeftToBfdWhileAnAgentStandsByAndMovedToACompanionOtherwise() {
        assertEquals("a", bound("a", "a", Set.of("b", "k"), A, B, K).chosen().orElseThrow().name(),
                "b takes over by BFD if a's node died; if only a's agent died, a still forwards");
        GatewayChooser.Choice toCompanion = bound("a", "a", Set.of("k"), A, K);
        assertEquals("k", toCompanion.chosen().orElseThrow().name(), "ovn-controller cannot take over by itself");
        assertEquals("a", toCompanion.movedFrom().orElseThrow().name());
        assertEquals("a", bound("a", "a", Set.of(), A, K).chosen().orElseThrow().name(), "nowhere to go: stays");
    }

    @Test
    void anUnhealthyCompanionGatewayIsLeftForAnyEligibleChassis() {
        GatewayChooser.Choice away = bound("k", "k", Set.of("a"), A, K);
        assertEquals("a", away.chosen().orElseThrow().name());
        assertEquals("k", away.movedFrom().orElseThrow().name());
        assertTrue(away.standbys().isEmpty(), "the unhealthy companion is no candidate: the agent may claim");
        assertEquals("k", bound("k", "k", Set.of("k", "a"), A, K).chosen().orElseThrow().name());
        assertEquals("a", bound("a", "k", Set.of("a"), A, K).chosen().orElseThrow().name(),
                "already renamed to a, ovn-controller has not let go yet: a stays the choice");
    }
}
