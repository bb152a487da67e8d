package org.ovnl2gw.contract;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Southbound {@code Chassis} and {@code Chassis_Private} keys the agent writes and the operator reads.
 * Where the agent is the chassis it writes its own rows; in companion mode (ovn-controller owns the rows) it
 * writes only its {@code ovn-l2gw-*} keys into ovn-controller's {@code Chassis_Private:external_ids}.
 */
public final class ChassisKeys {
    /** Prefix of every key of ours; the agent removes keys with it that it no longer publishes. */
    public static final String PREFIX = "ovn-l2gw-";
    /** Chassis.external_ids: {@link Ownership#NODE_AGENT} on a Chassis our agent registered. */
    public static final String OWNER = Ownership.OWNER_KEY;
    /** Chassis.other_config (OVN's own key): the agent's effective {@link BridgeMappings}. */
    public static final String BRIDGE_MAPPINGS = OvsKeys.BRIDGE_MAPPINGS;
    /** Chassis.other_config, or companion Chassis_Private.external_ids: the Kubernetes node (absent: the chassis name). */
    public static final String NODE = PREFIX + "node";
    /** Chassis.other_config, or companion Chassis_Private.external_ids: a {@link BridgeMappingsStatus} document. */
    public static final String BRIDGE_MAPPINGS_STATUS = PREFIX + "bridge-mappings-status";
    /** Chassis_Private.external_ids: a decimal counter the agent advances every heartbeat interval. */
    public static final String HEARTBEAT = PREFIX + "heartbeat";
    /** Chassis_Private.external_ids: {@link #COMPANION} when our agent runs beside ovn-controller. */
    public static final String MODE = PREFIX + "mode";
    public static final String COMPANION = "companion";

    private ChassisKeys() {
    }

    /** The external_ids entry the agent registers its Chassis with. */
    public static Map<String, String> agentMark() {
        return Map.of(OWNER, Ownership.NODE_AGENT);
    }

    /**
     * What the agent's BridgeMapping controller publishes (in Chassis other_config, or as a companion in
     * Chassis_Private external_ids): the node name, and the status document once there is one.
     */
    public static Map<String, String> bridgeMappingsReport(String node, Optional<String> statusDocument) {
        Map<String, String> report = new HashMap<>();
        report.put(NODE, node);
        statusDocument.ifPresent(d -> report.put(BRIDGE_MAPPINGS_STATUS, d));
        return Map.copyOf(report);
    }

    /** Whether a Chassis row's external_ids carry our agent's mark. */
    public static boolean registeredByAgent(Map<String, String> chassisExternalIds) {
        return Ownership.NODE_AGENT.equals(chassisExternalIds.get(OWNER));
    }

    /** Whether a Chassis_Private row's external_ids say a companion agent publishes there. */
    public static boolean companion(Map<String, String> privateExternalIds) {
        return COMPANION.equals(privateExternalIds.get(MODE));
    }

    /** Whether a key is ours (and so ours to remove). */
    public static boolean ours(String key) {
        return key.startsWith(PREFIX);
    }
}
