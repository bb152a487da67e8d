package org.ovnl2gw.agent.dataplane;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ovnl2gw.agent.dataplane.GatewayRoles.Role;
import org.ovnl2gw.agent.dataplane.GatewayPlan.PortProblem;
import org.ovnl2gw.agent.dataplane.GatewayPlan.ServedPort;
import org.ovnl2gw.agent.dataplane.GatewayPlan.TunnelPort;
import org.ovnl2gw.agent.dataplane.SouthboundView.LogicalPort;
import org.ovnl2gw.contract.BridgeMappings;

/**
 * Decides which l2gateway ports this chassis serves, which it stands by for, and which tunnels it needs, from
 * the role {@link GatewayRoles} gave each port: served are the ports it is active for or claims now, standby the
 * ones it is a live candidate for. A port whose network has no bridge mapping, or whose mapped bridge does not
 * exist, is a {@link PortProblem}: nothing is built for it, so there is never a half-built gateway.
 */
public final class GatewayPlanner {

    /** Plans with the roles of the seed's single-gateway world (no candidates, every peer alive). */
    public GatewayPlan plan(SouthboundView view, BridgeMappings mappings, Set<String> localBridges) {
        Map<String, Role> roles = new HashMap<>();
        for (LogicalPort port : view.ports()) {
            roles.put(port.name(), GatewayRoles.decide(port, view.localChassis(), PeerLiveness.ALL_ALIVE,
                    java.util.Optional.empty()));
        }
        return plan(view, mappings, localBridges, roles);
    }

    public GatewayPlan plan(SouthboundView view, BridgeMappings mappings, Set<String> localBridges,
                            Map<String, Role> roles) {
        List<ServedPort> served = new ArrayList<>();
        List<ServedPort> standby = new ArrayList<>();
        List<PortProblem> problems = new ArrayList<>();
        for (LogicalPort port : view.ports()) {
            Role role = roles.getOrDefault(port.name(), Role.NONE);
            boolean serving = role == Role.ACTIVE || role == Role.CLAIM;
            if (!serving && role != Role.STANDBY) {
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
                (serving ? served : standby).add(new ServedPort(port.name(), port.datapath(), datapathKey,
                        port.tunnelKey(), port.tag(), network, bridge.get()));
            }
        }
        served.sort(Comparator.comparing(ServedPort::logicalPort));
        standby.sort(Comparator.comparing(ServedPort::logicalPort));
        dropSharedVlans(served, standby, problems);
        Set<String> peers = GatewayRoles.peers(view.ports(), view.localChassis());
        List<TunnelPort> tunnels = view.chassis().values().stream()
                .filter(c -> !c.name().equals(view.localChassis()))
                .map(c -> new TunnelPort(c.name(), c.encapIp(), peers.contains(c.name()) && !c.ovnController()))
                .sorted(Comparator.comparing(TunnelPort::chassis))
                .toList();
        return new GatewayPlan(served, standby, tunnels, problems);
    }

    /**
     * The ports of one bridge share its patch pair and are told apart by VLAN, so two of them on one VLAN (two
     * networks mapped to one bridge, bridged from two switches onto the same tag) would be one wire bridged twice.
     * The operator refuses that for its own gateways (NetworkVlanInUse); rows written by others can still ask for
     * it. The first by name keeps the VLAN, the others are problems: the same choice on every chassis.
     */
    private static void dropSharedVlans(List<ServedPort> served, List<ServedPort> standby, List<PortProblem> problems) {
        List<ServedPort> all = new ArrayList<>(served);
        all.addAll(standby);
        all.sort(Comparator.comparing(ServedPort::logicalPort));
        Map<String, ServedPort> holders = new HashMap<>();
        for (ServedPort port : all) {
            ServedPort holder = holders.putIfAbsent(port.bridge() + "/" + port.tag(), port);
            if (holder != null) {
                served.remove(port);
                standby.remove(port);
                problems.add(new PortProblem(port.logicalPort(), port.network(), "l2gateway port " + port.logicalPort()
                        + " (network " + port.network() + ") asks for " + (port.tag() == 0 ? "the untagged VLAN"
                        : "VLAN " + port.tag()) + " of bridge " + port.bridge() + ", which l2gateway port "
                        + holder.logicalPort() + " (network " + holder.network() + ") already bridges here"));
            }
        }
    }
}
