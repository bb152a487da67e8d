package org.ovnl2gw.operator.l2gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.api.v1alpha1.L2Gateway;
import org.ovnl2gw.api.v1alpha1.L2GatewaySpec;

class SpecConflictsTest {
    private static L2Gateway gw(String name, String created, String ls, String net, Integer vlan) {
        L2Gateway g = new L2Gateway(name, new L2GatewaySpec(ls, net, vlan, null));
        g.getMetadata().setCreationTimestamp(created);
        return g;
    }

    @Test
    void theNewerOfTwoBridgesOfOneSwitchOntoOneNetworkAndVlanIsRefused() {
        L2Gateway old = gw("z-old", "2026-01-01T00:00:00Z", "ls", "n", 10);
        L2Gateway young = gw("a-young", "2026-01-01T00:00:05Z", "ls", "n", 10);
        assertEquals(SpecConflicts.DUPLICATE_BRIDGE, SpecConflicts.find(young, List.of(old, young)).orElseThrow().reason());
        assertTrue(SpecConflicts.find(old, List.of(old, young)).isEmpty());
    }

    @Test
    void oneNetworkAndVlanFromTwoSwitchesIsRefusedButOtherVlansAndUntaggedAreFine() {
        L2Gateway old = gw("old", "2026-01-01T00:00:00Z", "ls1", "n", null);
        L2Gateway young = gw("young", "2026-01-01T00:00:05Z", "ls2", "n", null);
        assertEquals(SpecConflicts.NETWORK_VLAN_IN_USE, SpecConflicts.find(young, List.of(old, young)).orElseThrow().reason());
        L2Gateway tagged = gw("tagged", "2026-01-01T00:00:05Z", "ls2", "n", 7);
        assertTrue(SpecConflicts.find(tagged, List.of(old, tagged)).isEmpty());
    }

    @Test
    void sameSecondOrNoTimestampFallsBackToTheAcceptedOneThenTheName() {
        L2Gateway b = gw("b", null, "ls1", "n", 3);
        L2Gateway a = gw("a", null, "ls2", "n", 3);
        assertEquals(SpecConflicts.NETWORK_VLAN_IN_USE, SpecConflicts.find(b, List.of(a, b)).orElseThrow().reason());
        b.setStatus(org.ovnl2gw.api.v1alpha1.L2GatewayStatus.EMPTY.withCondition(org.ovnl2gw.api.v1alpha1.Condition.of(
                "Accepted", "True", "Accepted", "", 1, java.time.Instant.now())));
        assertTrue(SpecConflicts.find(b, List.of(a, b)).isEmpty(), "the incumbent keeps its network");
        assertEquals(SpecConflicts.NETWORK_VLAN_IN_USE, SpecConflicts.find(a, List.of(a, b)).orElseThrow().reason());
    }

    @Test
    void invalidSpecsDoNotHoldANetwork() {
        L2Gateway invalid = gw("invalid", "2026-01-01T00:00:00Z", "ls1", "n", 9999);
        L2Gateway valid = gw("valid", "2026-01-01T00:00:05Z", "ls2", "n", 9999 - 9000);
        assertTrue(SpecConflicts.find(valid, List.of(invalid, valid)).isEmpty());
    }
}
