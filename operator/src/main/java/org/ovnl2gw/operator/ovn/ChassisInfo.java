package org.ovnl2gw.operator.ovn;

import java.util.Optional;
import java.util.Set;

/**
 * A Southbound chassis as the operator judges it: its name, the Kubernetes node it is, the physical networks
 * its published bridge mappings provide, whether our node agent registered it ({@code agentRegistered}) or
 * ovn-controller did with our agent beside it in companion mode ({@code companion}), and its heartbeat counter
 * ({@code Chassis_Private:external_ids:ovn-l2gw-heartbeat}, advanced by our agent in both kinds), empty when
 * none is published.
 */
public record ChassisInfo(String name, String nodeName, Set<String> networks, boolean agentRegistered,
                          Optional<String> heartbeat, boolean companion) {
    public ChassisInfo {
        networks = Set.copyOf(networks);
    }

    public ChassisInfo(String name, String nodeName, Set<String> networks, boolean agentRegistered,
                       Optional<String> heartbeat) {
        this(name, nodeName, networks, agentRegistered, heartbeat, false);
    }

    /** Can serve l2gateway ports: our agent is the chassis, or ovn-controller is with our agent beside it. */
    public boolean gatewayCapable() {
        return agentRegistered || companion;
    }

    public boolean provides(String network) {
        return networks.contains(network);
    }
}
