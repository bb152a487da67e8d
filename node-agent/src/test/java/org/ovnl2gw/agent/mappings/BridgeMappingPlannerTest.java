package org.ovnl2gw.agent.mappings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.api.v1alpha1.BridgeMappingSpec;
import org.ovnl2gw.api.v1alpha1.NetworkMapping;
import org.ovnl2gw.contract.MappingResult;

class BridgeMappingPlannerTest {
    private final BridgeMappingPlanner planner = new BridgeMappingPlanner();

    private static BridgeMappingSpec spec(NetworkMapping... mappings) {
        return new BridgeMappingSpec(null, List.of(mappings));
    }

    @Test
    void appliesNonConflictingEntries() {
        var plan = planner.plan(Map.of("a", spec(new NetworkMapping("physnet1", "br-phys", "eth1")),
                "b", spec(new NetworkMapping("physnet2", "br-two", null))), Map.of());
        assertEquals(2, plan.entries().size());
        assertTrue(plan.results().get("a").ready());
        assertTrue(plan.results().get("b").ready());
    }

    @Test
    void oneNetworkOnTwoBridgesIsAConflictForBothAndAppliedForNeither() {
        var plan = planner.plan(Map.of("a", spec(new NetworkMapping("physnet1", "br-a", null)),
                "b", spec(new NetworkMapping("physnet1", "br-b", null))), Map.of());
        assertTrue(plan.entries().isEmpty());
        for (String name : List.of("a", "b")) {
            assertFalse(plan.results().get(name).ready());
            assertEquals(MappingResult.NETWORK_CONFLICT, plan.results().get(name).reason());
            assertTrue(plan.results().get(name).message().contains("physnet1"));
        }
    }

    @Test
    void theSameEntryFromTwoMappingsIsFine() {
        var plan = planner.plan(Map.of("a", spec(new NetworkMapping("physnet1", "br-a", null)),
                "b", spec(new NetworkMapping("physnet1", "br-a", null))), Map.of());
        assertEquals(1, plan.entries().size());
        assertEquals(java.util.Set.of("a", "b"), plan.entries().get(0).owners());
    }

    @Test
    void someoneElsesMappingOfTheNetworkIsKept() {
        var plan = planner.plan(Map.of("a", spec(new NetworkMapping("physnet1", "br-a", null))),
                Map.of("physnet1", "br-theirs"));
        assertTrue(plan.entries().isEmpty());
        assertEquals(MappingResult.MAPPED_BY_OTHERS, plan.results().get("a").reason());
    }

    @Test
    void anUplinkOnTwoBridgesIsAConflict() {
        var plan = planner.plan(Map.of("a", spec(new NetworkMapping("n1", "br-a", "eth1")),
                "b", spec(new NetworkMapping("n2", "br-b", "eth1"))), Map.of());
        assertTrue(plan.entries().isEmpty());
        assertEquals(MappingResult.UPLINK_CONFLICT, plan.results().get("b").reason());
    }

    @Test
    void anInvalidSpecIsReportedNotApplied() {
        var plan = planner.plan(Map.of("bad", spec(new NetworkMapping("phys:net", "br-a", null))), Map.of());
        assertTrue(plan.entries().isEmpty());
        assertEquals(MappingResult.INVALID_SPEC, plan.results().get("bad").reason());
    }
}
