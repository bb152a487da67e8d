package org.ovnl2gw.agent.bridge;

/** How one BridgeMapping fared on this node: what the agent publishes for the operator's status. */
public record MappingResult(boolean ready, String reason, String message) {
    public static final String APPLIED = "Applied";
    public static final String INVALID_SPEC = "InvalidSpec";
    public static final String NETWORK_CONFLICT = "NetworkConflict";
    public static final String UPLINK_CONFLICT = "UplinkConflict";
    public static final String MAPPED_BY_OTHERS = "NetworkMappedElsewhere";
    public static final String BRIDGE_FAILED = "BridgeNotApplied";

    public static MappingResult applied(String message) {
        return new MappingResult(true, APPLIED, message);
    }

    public static MappingResult failed(String reason, String message) {
        return new MappingResult(false, reason, message);
    }
}
