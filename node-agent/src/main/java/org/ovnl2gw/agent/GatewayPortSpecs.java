package org.ovnl2gw.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ovnl2gw.agent.bridge.BfdSessions;
import org.ovnl2gw.agent.bridge.PortSpec;
import org.ovnl2gw.agent.dataplane.GatewayPlan;
import org.ovnl2gw.contract.BridgeMappings;
import org.ovnl2gw.contract.OvsKeys;

/**
 * A plan in OVS terms: one patch port pair between br-int and each mapped bridge that exists, whether or not a
 * port is served on it yet (so that a new port, a takeover or a burst of ports needs flows only), and a Geneve
 * tunnel per remote chassis, with BFD on those to peer gateways.
 */
final class GatewayPortSpecs {
    private GatewayPortSpecs() {
    }

    /** The mapped bridges that exist here, other than br-int itself: the ones that get a patch pair. */
    static Set<String> uplinkBridges(BridgeMappings mappings, Collection<String> localBridges, String brInt) {
        Set<String> bridges = new TreeSet<>();
        for (String bridge : mappings.bridgeByNetwork().values()) {
            if (!bridge.equals(brInt) && localBridges.contains(bridge)) {
                bridges.add(bridge);
            }
        }
        return bridges;
    }

    static List<PortSpec> of(GatewayPlan plan, Set<String> uplinkBridges, String brInt, int bfdIntervalMillis,
                             boolean pathDown) {
        Set<String> bridges = new TreeSet<>(uplinkBridges);
        plan.servedPorts().forEach(p -> bridges.add(p.bridge()));
        plan.standbyPorts().forEach(p -> bridges.add(p.bridge()));
        List<PortSpec> specs = new ArrayList<>();
        for (String bridge : bridges) {
            Map<String, String> ids = Map.of(OvsKeys.PATCH_TO_BRIDGE, bridge);
            String intSide = GatewayPlan.integrationPatch(bridge);
            String bridgeSide = GatewayPlan.bridgePatch(bridge);
            specs.add(new PortSpec(brInt, intSide, "patch", Map.of("peer", bridgeSide), ids));
            specs.add(new PortSpec(bridge, bridgeSide, "patch", Map.of("peer", intSide), ids));
        }
        for (GatewayPlan.TunnelPort tunnel : plan.tunnels()) {
            specs.add(new PortSpec(brInt, tunnel.portName(), "geneve",
                    Map.of("remote_ip", tunnel.remoteIp(), "key", "flow", "csum", "true"),
                    Map.of(OvsKeys.CHASSIS_ID, tunnel.chassis()),
                    tunnel.peer() ? BfdSessions.config(bfdIntervalMillis, pathDown) : Map.of()));
        }
        return specs;
    }
}
