package org.ovnl2gw.agent.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.dataplane.SouthboundView.LogicalPort;
import org.ovnl2gw.agent.dataplane.SouthboundView.MulticastGroup;
import org.ovnl2gw.agent.dataplane.SouthboundView.RemoteChassis;
import org.ovnl2gw.agent.openflow.Action;
import org.ovnl2gw.agent.openflow.Flow;
import org.ovnl2gw.agent.openflow.OxmField;
import org.ovnl2gw.contract.BridgeMappings;

/** The seed topology's flows, as the prototype built them by hand (shared/proto/example-hv_gw-flows-*). */
class GatewayFlowsTest {
    private static final String DP = "dp-lsw0";

    static SouthboundView seedView(int tag) {
        return new SouthboundView("hv_gw",
                Map.of("hv1", new RemoteChassis("hv1", "192.168.0.1"), "hv2", new RemoteChassis("hv2", "192.168.0.2"),
                        "hv_gw", new RemoteChassis("hv_gw", "192.168.0.3")),
                Map.of(DP, 1L),
                List.of(vif("lp1", 1, "hv1", "f0:00:00:00:00:01"), vif("lp2", 2, "hv2", "f0:00:00:00:00:02"),
                        new LogicalPort("lp-gw", DP, 3, "l2gateway", Optional.of("hv_gw"), List.of(),
                                Optional.of("physnet1"), Optional.empty(), tag)),
                List.of(new MulticastGroup(DP, "_MC_flood", 32768, Set.of("lp1", "lp2", "lp-gw")),
                        new MulticastGroup(DP, "_MC_unknown", 32769, Set.of("lp-gw")),
                        new MulticastGroup(DP, "_MC_flood_l2", 32772, Set.of("lp1", "lp2", "lp-gw"))));
    }

    private static LogicalPort vif(String name, long key, String chassis, String mac) {
        return new LogicalPort(name, DP, key, "", Optional.of(chassis), List.of(mac), Optional.empty(),
                Optional.empty(), 0);
    }

    private static GatewayPlan plan(SouthboundView view) {
        return new GatewayPlanner().plan(view, BridgeMappings.parse("physnet1:br-phys2"), Set.of("br-int", "br-phys2"));
    }

    private static Map<String, Long> ofports(GatewayPlan plan) {
        return Map.of("patch-br-int-to-br-phys2", 1L, plan.tunnels().get(0).portName(), 2L,
                plan.tunnels().get(1).portName(), 3L);
    }

    @Test
    void vlanGatewayMatchesThePrototypeFlows() {
        SouthboundView view = seedView(100);
        GatewayPlan plan = plan(view);
        Set<Flow> flows = new GatewayFlows().flows(plan, view, ofports(plan));
        List<String> text = flows.stream().map(Flow::toString).toList();
        // classify: tagged frames from the patch port, tunnels with the datapath's VNI, default drop
        assertEquals(1, count(text, "table=0,priority=150"));
        assertEquals(2, count(text, "table=0,priority=100"));
        // unicast to lp1 and lp2, flood to both chassis, unknown: only the gateway is a member -> drop
        assertEquals(2, count(text, "table=10,priority=100"));
        Flow flood = only(flows, 10, 50);
        assertEquals(List.of(Action.setTunId(1), Action.setTunMetadata0(0x38000), Action.output(2), Action.output(3)),
                flood.actions());
        assertTrue(only(flows, 10, 10).actions().isEmpty(), "unknown unicast has nowhere to go");
        // to physical: own key and the three groups containing it, tagged with VLAN 100
        assertEquals(4, count(text, "table=20,priority=100"));
        flows.stream().filter(f -> f.table() == 20 && f.priority() == 100).forEach(f -> assertEquals(
                List.of(Action.pushVlan(), Action.setVlanVid(100), Action.output(1)), f.actions()));
        assertEquals(3, count(text, "priority=0"));
    }

    @Test
    void untaggedGatewayAcceptsUntaggedAndPriorityTaggedFrames() {
        SouthboundView view = seedView(0);
        GatewayPlan plan = plan(view);
        List<Flow> classify = new GatewayFlows().flows(plan, view, ofports(plan)).stream()
                .filter(f -> f.table() == 0 && f.match().field(OxmField.IN_PORT) != null
                        && f.match().field(OxmField.IN_PORT).value() == 1).toList();
        assertEquals(2, classify.size());
        assertTrue(classify.stream().anyMatch(f -> f.actions().get(0).equals(Action.popVlan())));
    }

    @Test
    void nothingIsBuiltForAPortWhoseNetworkIsNotMapped() {
        SouthboundView view = seedView(0);
        GatewayPlan plan = new GatewayPlanner().plan(view, BridgeMappings.parse("physnet9:br-x"), Set.of("br-x"));
        assertTrue(plan.servedPorts().isEmpty());
        assertEquals(1, plan.problems().size());
        assertTrue(plan.problems().get(0).message().contains("lp-gw"));
        assertTrue(plan.problems().get(0).message().contains("physnet1"));
        assertTrue(new GatewayFlows().flows(plan, view, Map.of()).isEmpty());
    }

    @Test
    void aPortMovingToAnotherChassisIsNotServed() {
        LogicalPort moving = new LogicalPort("lp-gw", DP, 3, "l2gateway", Optional.of("hv_gw"), List.of(),
                Optional.of("physnet1"), Optional.of("gw2"), 0);
        assertEquals(GatewayRoles.Role.RELEASE, GatewayRoles.decide(moving, "hv_gw", PeerLiveness.ALL_ALIVE,
                Optional.empty()));
    }

    @Test
    void tunnelNamesFitAKernelInterfaceName() {
        var tunnel = new GatewayPlan.TunnelPort("a-very-long-chassis-name.example.com", "10.0.0.1");
        assertTrue(tunnel.portName().length() <= 15, tunnel.portName());
        assertEquals(tunnel.portName(), new GatewayPlan.TunnelPort("a-very-long-chassis-name.example.com", "x").portName());
    }

    private static long count(List<String> text, String prefix) {
        return text.stream().filter(t -> t.contains(prefix)).count();
    }

    private static Flow only(Set<Flow> flows, int table, int priority) {
        List<Flow> matching = flows.stream().filter(f -> f.table() == table && f.priority() == priority).toList();
        assertEquals(1, matching.size(), matching.toString());
        return matching.get(0);
    }

    @Test
    void everyFlowCarriesOurMark() {
        SouthboundView view = seedView(100);
        GatewayPlan plan = plan(view);
        Set<Flow> flows = new GatewayFlows().flows(plan, view, ofports(plan));
        assertTrue(flows.stream().allMatch(f -> (f.cookie() & GatewayTables.COOKIE_OWNER_MASK)
                == GatewayTables.COOKIE_OWNER), "every cookie carries our mark");
    }

    @Test
    void aStandbyPortGetsPatchPortsAndNoFlows() {
        SouthboundView view = seedView(100);
        Map<String, GatewayRoles.Role> roles = new java.util.HashMap<>();
        view.ports().forEach(p -> roles.put(p.name(), p.isL2Gateway() ? GatewayRoles.Role.STANDBY
                : GatewayRoles.Role.NONE));
        GatewayPlan plan = new GatewayPlanner().plan(view, BridgeMappings.parse("physnet1:br-phys2"),
                Set.of("br-int", "br-phys2"), roles);
        assertTrue(plan.servedPorts().isEmpty());
        assertEquals(1, plan.standbyPorts().size());
        assertTrue(new GatewayFlows().flows(plan, view, ofports(plan)).isEmpty());
    }
}
