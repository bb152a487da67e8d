package org.ovnl2gw.operator.bridgemapping;

/** How applying one BridgeMapping went on one node, in the agent's words. */
public record MappingOutcome(boolean ready, String reason, String message) {
}
