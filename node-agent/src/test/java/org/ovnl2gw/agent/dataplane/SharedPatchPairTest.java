package org.ovnl2gw.agent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.dataplane.SouthboundView.LogicalPort;
import org.ovnl2gw.agent.dataplane.SouthboundView.MulticastGroup;
import org.ovnl2gw.agent.dataplane.SouthboundView.RemoteChassis;
import org.ovnl2gw.agent.openflow.Action;
import org.ovnl2gw.agent.openflow.Flow;
import org.ovnl2gw.agent.openflow.Match;
import org.ovnl2gw.contract.BridgeMappings;

/**
 * Several l2gateway ports on one bridge share its patch pair: the flows tell them apart by VLAN, and one VLAN of a
 * bridge is bridged by one port only.
 */
class SharedPatchPairTest {
    private static final BridgeMappings MAPPINGS = BridgeMappings.parse("physnet1:br-phys,physnet2:br-phys");
    private static final Set<String> BRIDGES = Set.of("br-int", "br-phys");

    private static SouthboundView view(LogicalPort... gateways) {
        List<LogicalPort> ports = new java.util.ArrayList<>(List.of(
                vif("vif-a", "dp-a", 1, "f0:00:00:00:00:0a"), vif("vif-b", "dp-b", 1, "f0:00:00:00:00:0b")));
        ports.addAll(List.of(gateways));
        return new SouthboundView("gw", Map.of("hv1", new RemoteChassis("hv1", "192.168.0.1"),
                "gw", new RemoteChassis("gw", "192.168.0.9")), Map.of("dp-a", 1L, "dp-b", 2L), ports,
                List.of(new MulticastGroup("dp-a", "_MC_flood", 32768, Set.of("vif-a", "lp-a")),
                        new MulticastGroup("dp-b", "_MC_flood", 32768, Set.of("vif-b", "lp-b"))));
    }

    private static LogicalPort vif(String name, String dp, long key, String mac) {
        return new LogicalPort(name, dp, key, "", Optional.of("hv1"), List.of(mac), Optional.empty(),
                Optional.empty(), 0);
    }

    private static LogicalPort gateway(String name, String dp, String network, int tag) {
        return new LogicalPort(name, dp, 2, "l2gateway", Optional.of("gw"), List.of(), Optional.of(network),
                Optional.empty(), tag);
    }

    @Test
    void twoVlansOfOneBridgeUseItsPairAndAreToldApartByTheirTags() {
        SouthboundView view = view(gateway("lp-a", "dp-a", "physnet1", 100), gateway("lp-b", "dp-b", "physnet1", 200));
        GatewayPlan plan = new GatewayPlanner().plan(view, MAPPINGS, BRIDGES);
        assertEquals(List.of("patch-br-int-to-br-phys", "patch-br-int-to-br-phys"),
                plan.servedPorts().stream().map(GatewayPlan.ServedPort::integrationPatch).toList());
        assertEquals(List.of(), plan.problems());
        Set<Flow> flows = new GatewayFlows().flows(plan, view,
                Map.of("patch-br-int-to-br-phys", 7L, plan.tunnels().get(0).portName(), 8L));
        Set<Match> tagged = Set.of(Match.builder().inPort(7).vlanVid(100).build(),
                Match.builder().inPort(7).vlanVid(200).build());
        List<Flow> fromPatch = flows.stream().filter(f -> f.table() == GatewayTables.CLASSIFY
                && tagged.contains(f.match())).toList();
        assertEquals(2, fromPatch.size(), flows.toString());
        assertEquals(2, fromPatch.stream().map(Flow::cookie).collect(Collectors.toSet()).size(), "one per port");
        assertTrue(fromPatch.stream().allMatch(f -> f.actions().get(0).equals(Action.popVlan())));
        List<Flow> toPatch = flows.stream().filter(f -> f.table() == GatewayTables.LOGICAL_TO_PHYSICAL
                && f.actions().contains(Action.output(7))).toList();
        assertTrue(toPatch.stream().anyMatch(f -> f.actions().contains(Action.setVlanVid(100))));
        assertTrue(toPatch.stream().anyMatch(f -> f.actions().contains(Action.setVlanVid(200))));
        assertTrue(toPatch.stream().noneMatch(f -> f.actions().contains(Action.setVlanVid(100))
                && f.actions().contains(Action.setVlanVid(200))), "no frame of one switch leaves on the other's VLAN");
        assertEquals(Map.of("lp-a", 7L, "lp-b", 7L),
                GatewayPlan.patchOfports(plan, Map.of("patch-br-int-to-br-phys", 7L)));
    }

    @Test
    void aSecondPortOnTheSameVlanOfTheBridgeIsAProblemAndGetsNoFlows() {
        SouthboundView view = view(gateway("lp-a", "dp-a", "physnet1", 100), gateway("lp-b", "dp-b", "physnet2", 100));
        GatewayPlan plan = new GatewayPlanner().plan(view, MAPPINGS, BRIDGES);
        assertEquals(List.of("lp-a"), plan.servedPorts().stream().map(GatewayPlan.ServedPort::logicalPort).toList());
        assertEquals(1, plan.problems().size());
        GatewayPlan.PortProblem problem = plan.problems().get(0);
        assertEquals("lp-b", problem.logicalPort());
        assertTrue(problem.message().contains("VLAN 100 of bridge br-phys")
                && problem.message().contains("lp-a"), problem.message());
    }

    @Test
    void theUntaggedVlanIsOneToo() {
        SouthboundView view = view(gateway("lp-a", "dp-a", "physnet1", 0), gateway("lp-b", "dp-b", "physnet2", 0));
        GatewayPlan plan = new GatewayPlanner().plan(view, MAPPINGS, BRIDGES);
        assertEquals(List.of("lp-a"), plan.servedPorts().stream().map(GatewayPlan.ServedPort::logicalPort).toList());
        assertTrue(plan.problems().get(0).message().contains("the untagged VLAN"), plan.problems().toString());
    }
}
