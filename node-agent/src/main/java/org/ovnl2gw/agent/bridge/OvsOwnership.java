package org.ovnl2gw.agent.bridge;

import java.util.Map;

/** The marks that say a local OVS row is ours. */
public final class OvsOwnership {
    /** external_ids key on every Bridge, Port and Interface we create; the value says which part made it. */
    public static final String OWNER_KEY = "ovn-l2gw-owner";
    public static final String OWNER_GATEWAY = "node-agent";
    public static final String OWNER_BRIDGE_MAPPING = "bridge-mapping";
    /** The seed's mark on both patch ports of an l2gateway port: the logical port name. */
    public static final String L2GATEWAY_PORT_KEY = "ovn-l2gateway-port";
    /** The chassis a tunnel leads to, as ovn-controller marks its own tunnels. */
    public static final String CHASSIS_ID_KEY = "ovn-chassis-id";
    /** Open_vSwitch external_ids key listing the ovn-bridge-mappings entries we added. */
    public static final String OUR_MAPPINGS_KEY = "ovn-l2gw-bridge-mappings";

    private OvsOwnership() {
    }

    public static boolean isOurs(Map<String, String> externalIds, String owner) {
        return owner.equals(externalIds.get(OWNER_KEY));
    }
}
