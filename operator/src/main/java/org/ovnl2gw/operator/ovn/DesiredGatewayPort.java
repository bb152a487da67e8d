package org.ovnl2gw.operator.ovn;

import java.util.Objects;

/**
 * The l2gateway port an L2Gateway wants: on {@code logicalSwitch}, bridging {@code networkName} (VLAN
 * {@code vlan}, null for untagged) through chassis {@code chassisName}, with {@code candidates} (the active
 * chassis first) the order in which the gateways take it over.
 */
public record DesiredGatewayPort(String resourceName, String logicalSwitch, String networkName, Integer vlan,
                                 String chassisName, java.util.List<String> candidates) {
    public DesiredGatewayPort {
        candidates = java.util.List.copyOf(candidates);
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(logicalSwitch, "logicalSwitch");
        Objects.requireNonNull(networkName, "networkName");
        Objects.requireNonNull(chassisName, "chassisName");
    }

    public String portName() {
        return OwnershipMark.portName(resourceName);
    }

    /** Whether an observed port already is exactly this one. */
    public boolean matches(GatewayPort port) {
        return port.ownedBy(resourceName) && port.l2gatewayType() && port.addressesUnknown()
                && logicalSwitch.equals(port.logicalSwitch()) && networkName.equals(port.networkName())
                && Objects.equals(vlan, port.vlan()) && chassisName.equals(port.chassisOption())
                && String.join(",", candidates).equals(port.candidatesOption());
    }

    @Override
    public String toString() {
        return portName() + "{switch=" + logicalSwitch + ", network=" + networkName
                + (vlan == null ? "" : ", vlan=" + vlan) + ", chassis=" + chassisName + ", candidates=" + candidates + "}";
    }
}
