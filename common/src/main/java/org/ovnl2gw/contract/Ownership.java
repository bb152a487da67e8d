package org.ovnl2gw.contract;

/**
 * The {@code external_ids} mark that says which of our programs, or which part of one, owns a row: on the
 * Northbound Logical_Switch_Port (the operator), the Southbound Chassis (the agent) and local OVS Bridge, Port and
 * Interface rows (the agent's gateway or its BridgeMapping controller). Each program lists what it owns by this
 * mark and deletes only that.
 */
public final class Ownership {
    public static final String OWNER_KEY = "ovn-l2gw-owner";
    /** The node agent: its Chassis row, and the patch ports and tunnels of the gateway on local OVS. */
    public static final String NODE_AGENT = "node-agent";
    /** The agent's BridgeMapping controller: bridges and uplink ports it created on local OVS. */
    public static final String BRIDGE_MAPPING = "bridge-mapping";
    /** The operator: its Northbound Logical_Switch_Port rows. */
    public static final String OPERATOR = "operator";
    /** Northbound external_ids beside the operator's mark: the name of the L2Gateway the row is for. */
    public static final String RESOURCE_KEY = "ovn-l2gw-resource";

    private Ownership() {
    }
}
