package org.ovnl2gw.operator.ovn;

import java.util.Optional;
import java.util.Set;

/**
 * A Southbound chassis as the operator judges it: its name, the Kubernetes node it is, the physical networks
 * its published bridge mappings provide, whether our node agent registered it, and its heartbeat counter
 * ({@code Chassis_Private:external_ids:ovn-l2gw-heartbeat}), empty when none is published.
 */
public record ChassisInfo(String name, String nodeName, Set<String> networks, boolean agentRegistered,
                          Optional<String> heartbeat) {
    public ChassisInfo {
        networks = Set.copyOf(networks);
    }

    public boolean provides(String network) {
        return networks.contains(network);
    }
}
