package org.ovnl2gw.operator.ovn;

import java.util.Optional;

/**
 * An l2gateway Logical_Switch_Port as the Northbound DB has it. {@code ownerResource} is the L2Gateway named
 * by our mark, empty when the row is not ours. {@code logicalSwitch} is null when no switch holds the port.
 */
public record GatewayPort(String name, String type, boolean addressesUnknown, String logicalSwitch,
                          String networkName, Integer vlan, String chassisOption, Optional<String> ownerResource,
                          String candidatesOption) {

    public GatewayPort(String name, String type, boolean addressesUnknown, String logicalSwitch, String networkName,
                       Integer vlan, String chassisOption, Optional<String> ownerResource) {
        this(name, type, addressesUnknown, logicalSwitch, networkName, vlan, chassisOption, ownerResource, "");
    }

    public boolean ours() {
        return ownerResource.isPresent();
    }

    public boolean ownedBy(String resourceName) {
        return ownerResource.filter(resourceName::equals).isPresent();
    }

    public boolean l2gatewayType() {
        return "l2gateway".equals(type);
    }

    @Override
    public String toString() {
        return name + "{switch=" + logicalSwitch + ", network=" + networkName + (vlan == null ? "" : ", vlan=" + vlan)
                + ", chassis=" + chassisOption + ", owner=" + ownerResource.orElse("-") + "}";
    }
}
