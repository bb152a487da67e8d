package org.ovnl2gw.agent.chassis;

import java.util.Map;
import java.util.Optional;
import org.ovnl2gw.contract.ChassisKeys;
import org.ovnl2gw.contract.Ownership;

/**
 * Who is this node's OVN chassis: our agent ({@link #AGENT}), or ovn-controller with our agent beside it
 * ({@link #COMPANION}). Decided on every pass from two facts, so a node converted either way is followed:
 * the Southbound {@code Chassis} row of our name exists without our {@code external_ids:ovn-l2gw-owner} mark
 * (ovn-controller registered it), or the local {@code Open_vSwitch:other_config} holds ovn-controller's
 * {@code ovn-chassis-idx-<system-id>} (ovn-controller ran here under this name: it writes that before it
 * registers, which keeps an agent that starts first from registering a row ovn-controller would then adopt).
 * Pure.
 */
public enum ChassisMode {
    AGENT,
    COMPANION;

    /** ovn-controller's per-chassis index key in {@code Open_vSwitch:other_config} (OVN 22.09 and later). */
    public static final String CONTROLLER_INDEX_PREFIX = "ovn-chassis-idx-";

    /**
     * @param chassisExternalIds the {@code external_ids} of the Southbound Chassis row of our name, empty when
     *                           there is no such row
     */
    public static ChassisMode detect(String chassisName, Optional<Map<String, String>> chassisExternalIds,
                                     Map<String, String> ovsOtherConfig) {
        boolean foreignRow = chassisExternalIds.map(ids -> !Ownership.NODE_AGENT.equals(
                ids.get(ChassisKeys.OWNER))).orElse(false);
        boolean controllerHere = ovsOtherConfig.containsKey(CONTROLLER_INDEX_PREFIX + chassisName);
        return foreignRow || controllerHere ? COMPANION : AGENT;
    }

    /** For the log and the startup line. */
    public String describe(String chassisName) {
        return this == AGENT
                ? "agent mode: this agent is chassis " + chassisName + " for l2gateway ports"
                : "companion mode: ovn-controller is chassis " + chassisName + "; this agent applies BridgeMappings,"
                        + " reports and announces, and never registers, claims, or programs br-int";
    }
}
