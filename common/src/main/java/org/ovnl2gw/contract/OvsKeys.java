package org.ovnl2gw.contract;

import java.util.Map;

/**
 * Keys on the local Open vSwitch database: the ones ovn-controller defines and the agent shares with it, and the
 * marks the agent puts on its rows (which the tests, the sandbox and people with ovs-vsctl read).
 */
public final class OvsKeys {
    /** Open_vSwitch.external_ids (OVN's key): the node's {@link BridgeMappings}, ours and everyone else's. */
    public static final String BRIDGE_MAPPINGS = "ovn-bridge-mappings";
    /** Open_vSwitch.external_ids: the {@link BridgeMappings} entries the agent added to {@link #BRIDGE_MAPPINGS}. */
    public static final String OUR_BRIDGE_MAPPINGS = ChassisKeys.PREFIX + "bridge-mappings";
    /**
     * Port/Interface external_ids, the seed's mark on both patch ports ovn-controller makes for an l2gateway port:
     * the logical port (read in companion mode; the agent's own pairs are per bridge, see {@link #PATCH_TO_BRIDGE}).
     */
    public static final String L2GATEWAY_PORT = "ovn-l2gateway-port";
    /** Port/Interface external_ids on both sides of the agent's patch pair between br-int and a mapped bridge. */
    public static final String PATCH_TO_BRIDGE = ChassisKeys.PREFIX + "patch-bridge";
    /** Port/Interface external_ids on a tunnel, as ovn-controller marks its own: the chassis it leads to. */
    public static final String CHASSIS_ID = "ovn-chassis-id";

    private OvsKeys() {
    }

    /** Whether external_ids carry {@link Ownership#OWNER_KEY} = {@code owner}. */
    public static boolean ownedBy(Map<String, String> externalIds, String owner) {
        return owner.equals(externalIds.get(Ownership.OWNER_KEY));
    }
}
