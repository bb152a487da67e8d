package org.ovnl2gw.contract;

/**
 * How applying one BridgeMapping went on one node: what the agent publishes (inside
 * {@link ChassisKeys#BRIDGE_MAPPINGS_STATUS}, see {@link BridgeMappingsStatus}) and the operator copies into
 * the BridgeMapping's per-node status. {@code reason} is CamelCase; the constants are the agent's reasons.
 */
public record MappingResult(boolean ready, String reason, String message) {
    public static final String APPLIED = "Applied";
    /** What the operator says when an entry gives {@code ready: false} and no usable reason. */
    public static final String NOT_APPLIED = "NotApplied";
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
