package org.ovnl2gw.agent.dataplane;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.ovnl2gw.agent.dataplane.GatewayPlan.PortProblem;
import org.ovnl2gw.agent.dataplane.GatewayPlan.ServedPort;
import org.ovnl2gw.agent.dataplane.GatewayPlan.TunnelPort;
import org.ovnl2gw.agent.dataplane.SouthboundView.LogicalPort;

/**
 * Decides which l2gateway ports this chassis serves and which tunnels it needs.
 *
 * <p>A port is served when it is bound here ({@code chassis} is us) and its {@code l2gateway-chassis}
 * option, if any, does not name another chassis (then it is moving away and is released instead). A port
 * whose network has no bridge mapping, or whose mapped bridge does not exist, is a {@link PortProblem}:
 * nothing is built for it, so there is never a half-built gateway.
 */
public final class GatewayPlanner {

    public GatewayPlan plan(SouthboundView view, BridgeMappings mappings, Set<String> localBridges) {
        List<ServedPort> served = new ArrayList<>();
        List<PortProblem> problems = new ArrayList<>();
        for (LogicalPort port : view.ports()) {
            if (!isServedHere(port, view.localChassis())) {
                continue;
            }
            Long datapathKey = view.datapaths().get(port.datapath());
            String network = port.networkName().orElse("");
            if (datapathKey == null) {
                continue; // the datapath row has not arrived yet; the next view will have it
            }
            if (network.isEmpty()) {
                problems.add(new PortProblem(port.name(), network,
                        "l2gateway port " + port.name() + " has no options:network_name"));
                continue;
            }
            var bridge = mappings.bridgeFor(network);
            if (bridge.isEmpty()) {
                problems.add(new PortProblem(port.name(), network, "bridge not found for l2gateway port "
                        + port.name() + ": no ovn-bridge-mappings entry for network " + network));
            } else if (!localBridges.contains(bridge.get())) {
                problems.add(new PortProblem(port.name(), network, "bridge " + bridge.get() + " mapped for network "
                        + network + " of l2gateway port " + port.name() + " does not exist"));
            } else {
                served.add(new ServedPort(port.name(), port.datapath(), datapathKey, port.tunnelKey(), port.tag(),
                        network, bridge.get()));
            }
        }
        served.sort(Comparator.comparing(ServedPort::logicalPort));
        List<TunnelPort> tunnels = view.chassis().values().stream()
                .filter(c -> !c.name().equals(view.localChassis()))
                .map(c -> new TunnelPort(c.name(), c.encapIp()))
                .sorted(Comparator.comparing(TunnelPort::chassis))
                .toList();
        return new GatewayPlan(served, tunnels, problems);
    }

    /** Bound to us and not being moved elsewhere by its {@code l2gateway-chassis} option. */
    public static boolean isServedHere(LogicalPort port, String localChassis) {
        return port.isL2Gateway()
                && port.chassis().filter(localChassis::equals).isPresent()
                && port.l2gatewayChassis().map(localChassis::equals).orElse(true);
    }
}
