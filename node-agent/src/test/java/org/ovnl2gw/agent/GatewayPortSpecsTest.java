package org.ovnl2gw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ovnl2gw.agent.bridge.PortSpec;
import org.ovnl2gw.agent.dataplane.GatewayPlan;
import org.ovnl2gw.contract.BridgeMappings;
import org.ovnl2gw.contract.OvsKeys;

/** One patch pair per mapped bridge that exists, served port or not; a tunnel per remote chassis. */
class GatewayPortSpecsTest {

    @Test
    void everyMappedBridgeThatExistsGetsOnePairAndNothingElseDoes() {
        Set<String> uplinks = GatewayPortSpecs.uplinkBridges(
                BridgeMappings.parse("physnet1:br-phys,physnet2:br-phys,physnet3:br-gone,physnet4:br-int"),
                Set.of("br-int", "br-phys", "br-other"), "br-int");
        assertEquals(Set.of("br-phys"), uplinks);
        GatewayPlan plan = new GatewayPlan(List.of(
                new GatewayPlan.ServedPort("lp-a", "dp-a", 1, 2, 100, "physnet1", "br-phys"),
                new GatewayPlan.ServedPort("lp-b", "dp-b", 2, 2, 200, "physnet2", "br-phys")),
                List.of(new GatewayPlan.TunnelPort("hv1", "192.168.0.1")), List.of());
        List<PortSpec> specs = GatewayPortSpecs.of(plan, uplinks, "br-int", 100, false);
        assertEquals(List.of("br-int/patch-br-int-to-br-phys", "br-phys/patch-br-phys-to-br-int",
                        "br-int/" + plan.tunnels().get(0).portName()),
                specs.stream().map(s -> s.bridge() + "/" + s.name()).toList());
        assertEquals(Map.of("peer", "patch-br-phys-to-br-int"), specs.get(0).options());
        assertEquals(Map.of(OvsKeys.PATCH_TO_BRIDGE, "br-phys"), specs.get(1).externalIds());
    }

    @Test
    void theStandbyAndTheIdleGatewayHaveTheSamePair() {
        Set<String> uplinks = Set.of("br-phys");
        List<PortSpec> idle = GatewayPortSpecs.of(GatewayPlan.EMPTY, uplinks, "br-int", 100, false);
        List<PortSpec> standby = GatewayPortSpecs.of(new GatewayPlan(List.of(), List.of(
                new GatewayPlan.ServedPort("lp-a", "dp-a", 1, 2, 100, "physnet1", "br-phys")), List.of(), List.of()),
                uplinks, "br-int", 100, false);
        assertEquals(idle, standby);
        assertEquals(2, idle.size());
    }
}
